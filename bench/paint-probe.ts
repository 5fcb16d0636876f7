import type { Page } from 'playwright-core';

// Touch → next frame, measured inside the page so that no protocol round trip counts: the
// clock starts at the tap's pointerup (the click handler runs on its heels), a
// MutationObserver notes when the awaited screen is in the DOM, and a message posted from
// the next requestAnimationFrame marks the frame after it as painted.

export interface PaintTiming {
  /** pointerup → the awaited element is in the DOM (React has committed). */
  domMs: number;
  /** pointerup → the frame that shows it has been produced. */
  paintMs: number;
}

interface ProbeWindow {
  __paintProbe?: Promise<PaintTiming>;
}

/** Arms the probe for one tap; `selector` matches only once the next screen is there. */
export async function armPaintProbe(page: Page, selector: string): Promise<void> {
  await page.evaluate((selector: string) => {
    const probe = window as ProbeWindow;
    probe.__paintProbe = new Promise<PaintTiming>((resolve) => {
      let touchedAt: number | undefined;
      let observer: MutationObserver | undefined;
      const check = () => {
        if (touchedAt === undefined || !document.querySelector(selector)) return;
        observer?.disconnect();
        const domAt = performance.now();
        const start = touchedAt;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () =>
            resolve({ domMs: domAt - start, paintMs: performance.now() - start });
          channel.port2.postMessage(null);
        });
      };
      window.addEventListener(
        'pointerup',
        (event) => {
          touchedAt = event.timeStamp;
          observer = new MutationObserver(check);
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
        },
        { capture: true, once: true },
      );
    });
  }, selector);
}

export async function paintProbeResult(page: Page): Promise<PaintTiming> {
  return page.evaluate(() => (window as ProbeWindow).__paintProbe!);
}

/** Taps, then waits for the armed probe: one sample. */
export async function timedTap(
  page: Page,
  selector: string,
  tap: () => Promise<void>,
): Promise<PaintTiming> {
  if ((await page.locator(selector).count()) > 0)
    throw new Error(`"${selector}" matches before the tap: it cannot mark the next screen`);
  await armPaintProbe(page, selector);
  await tap();
  return paintProbeResult(page);
}
