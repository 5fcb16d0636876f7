import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '{electron,renderer,devices,domain,sync,cli,bench}/**/*.test.{ts,tsx}',
      'test/{integration,fault,docs,layers}/**/*.test.ts',
    ],
    exclude: ['node_modules', 'dist', 'test/e2e/**'],
    // Generous: CI shares two cores between the tests, Chromium and native builds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
