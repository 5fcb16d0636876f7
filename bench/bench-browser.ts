import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';

// The renderer benchmarks' browser: Debian's Chromium with the end-to-end tests' flags, a
// kiosk-sized portrait viewport, and CPU throttling through the DevTools protocol.

export async function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in
  // calls to a `__name` helper that exists only in Node; the page gets a stand-in.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

/** A page of a new bench context, at the kiosk's attract screen. */
export async function openAttractScreen(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.attract-touch').waitFor();
  return { context, page };
}

/** Slows the page's main thread `rate` times, as DevTools' "4x slowdown" does. */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Waits until the page has settled as a kiosk standing at its attract screen has: no
 * resource fetched for `quietMs` (the screens' code and pinyin loaded after the first paint)
 * and the main thread idle (an idle callback given a long deadline). Touches measured
 * before that would time the start-up's background work, which no citizen meets.
 */
export async function waitForQuiet(page: Page, quietMs = 1500, limitMs = 60_000): Promise<void> {
  await page.evaluate(
    async ({ quietMs, limitMs }) => {
      const until = performance.now() + limitMs;
      let count = performance.getEntriesByType('resource').length;
      let since = performance.now();
      while (performance.now() < until) {
        const deadline = await new Promise<number>((resolve) =>
          requestIdleCallback((d) => resolve(d.timeRemaining()), { timeout: 1000 }),
        );
        const now = performance.getEntriesByType('resource').length;
        if (now !== count) {
          count = now;
          since = performance.now();
        } else if (performance.now() - since >= quietMs && deadline >= 40) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    { quietMs, limitMs },
  );
}

/**
 * Waits for the kiosk's start-up work to be over, as it is long before a citizen comes: the
 * screens' code loaded and each screen rendered once out of sight (renderer/app/
 * screen-warmup.tsx, which marks <html data-screens-warm>), then a quiet page.
 */
export async function waitForWarmKiosk(page: Page, limitMs = 60_000): Promise<void> {
  await page
    .locator('html[data-screens-warm="true"]')
    .waitFor({ state: 'attached', timeout: limitMs });
  await waitForQuiet(page, 500, limitMs);
}
