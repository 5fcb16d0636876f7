#!/usr/bin/env bash
# Installs what Budayang needs from Debian when it is missing: Chromium (web mode and the
# end-to-end tests), socat (serial tests over pseudo-terminals), libusb (node-hid) and
# PostgreSQL (the platform's production database, used by the tests).
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v socat >/dev/null 2>&1 || need+=(socat)
ldconfig -p 2>/dev/null | grep -q 'libusb-1.0.so.0' || need+=(libusb-1.0-0)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# Fonts with Chinese glyphs, so that screens and screenshots show characters, not boxes.
fc-list 2>/dev/null | grep -qi 'noto.*cjk\|wqy' || need+=(fonts-noto-cjk)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
