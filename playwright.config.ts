import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium';

// End-to-end tests drive Debian's Chromium against the kiosk in web mode; no browser download.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // One retry, reported as flaky in the output: a loaded 2-core CI box must not fail a whole
  // landing on one slow moment; a test that fails twice is a failure.
  retries: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    headless: true,
    viewport: { width: 1080, height: 1920 },
    // A click that cannot happen fails well before the test's timeout (generous for loaded CI).
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        // The document camera: Chromium's moving test pattern, permission granted.
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
