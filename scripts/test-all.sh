#!/usr/bin/env bash
# Every test Budayang has: lint, types, unit and integration tests, the end-to-end journey in
# a real headless Chromium. The README's test command and CI's.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system.sh
[ -d node_modules ] || npm ci --no-audit --no-fund

echo "== lint"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }
echo "== types"
# Browser code (DOM, no Node types) and Node code with every test: see tsconfig.json.
npx tsc -p tsconfig.browser.json
npx tsc -p tsconfig.node.json
echo "== unit and integration"
npx vitest run
echo "== build"
npx vite build --logLevel warn
echo "== end to end"
npx playwright test
