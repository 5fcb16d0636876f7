import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// The renderer benchmarks' browser: Debian's Chromium with the end-to-end tests' flags, a
// kiosk-sized portrait viewport, and CPU throttling through the DevTools protocol.

export async function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.BUDAYANG_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in
  // calls to a `__name` helper that exists only in Node; the page gets a stand-in.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  return context;
}

/** Slows the page's main thread `rate` times, as DevTools' "4x slowdown" does. */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}
