import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '{electron,renderer,devices,sync,cli}/**/*.test.{ts,tsx}',
      'test/{integration,fault}/**/*.test.ts',
    ],
    exclude: ['node_modules', 'dist', 'test/e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
