import type { Page } from 'playwright-core';

// Touch → next frame, measured inside the page so that no protocol round trip counts: the
// clock starts at the tap's pointerup (event.timeStamp, when the input arrived; the click
// handler runs on its heels), a MutationObserver notes when each awaited element is in the
// DOM, and a task queued from the next requestAnimationFrame marks the frame that shows it
// as painted: rAF callbacks run just before a frame's style, layout and paint, and a task
// queued from one runs only after them. The task is queued at the highest priority
// (scheduler.postTask 'user-blocking', where the browser has it; else a MessageChannel
// message), so that it runs right after the frame rather than behind whatever else the
// page has queued. Rasterising and compositing that frame, off the page's thread, are not
// counted.

export interface PaintTiming {
  /** pointerup → the awaited element is in the DOM (React has committed). */
  domMs: number;
  /** pointerup → the frame that shows it has been produced. */
  paintMs: number;
}

interface ProbeWindow {
  __paintProbe?: Promise<PaintTiming[]>;
}

/**
 * Arms the probe for one tap. Each selector matches only once what it marks is there: the
 * next screen, or several stages of the response to one touch (the 正在提交 state, then the
 * receipt screen), timed from the same pointerup.
 */
export async function armPaintProbe(page: Page, selectors: readonly string[]): Promise<void> {
  await page.evaluate((selectors: readonly string[]) => {
    const probe = window as ProbeWindow;
    probe.__paintProbe = new Promise<PaintTiming[]>((resolve) => {
      const timings: (PaintTiming | undefined)[] = selectors.map(() => undefined);
      const seen = selectors.map(() => false);
      let touchedAt: number | undefined;
      let observer: MutationObserver | undefined;
      const check = () => {
        if (touchedAt === undefined) return;
        const start = touchedAt;
        selectors.forEach((selector, i) => {
          if (seen[i] || !document.querySelector(selector)) return;
          seen[i] = true;
          const domAt = performance.now();
          const painted = () => {
            timings[i] = { domMs: domAt - start, paintMs: performance.now() - start };
            if (timings.every(Boolean)) resolve(timings as PaintTiming[]);
          };
          requestAnimationFrame(() => {
            const scheduler = (
              globalThis as {
                scheduler?: { postTask(task: () => void, options: { priority: string }): unknown };
              }
            ).scheduler;
            if (scheduler) {
              void scheduler.postTask(painted, { priority: 'user-blocking' });
              return;
            }
            const channel = new MessageChannel();
            channel.port1.onmessage = painted;
            channel.port2.postMessage(null);
          });
        });
        if (seen.every(Boolean)) observer?.disconnect();
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
  }, selectors);
}

export async function paintProbeResult(page: Page): Promise<PaintTiming[]> {
  return page.evaluate(() => (window as ProbeWindow).__paintProbe!);
}

/** Taps, then waits for every stage of the armed probe: one sample per selector. */
export async function timedTapStages(
  page: Page,
  selectors: readonly string[],
  tap: () => Promise<void>,
): Promise<PaintTiming[]> {
  for (const selector of selectors)
    if ((await page.locator(selector).count()) > 0)
      throw new Error(`"${selector}" matches before the tap: it cannot mark the next screen`);
  await armPaintProbe(page, selectors);
  await tap();
  return paintProbeResult(page);
}

/** Taps, then waits for the armed probe: one sample. */
export async function timedTap(
  page: Page,
  selector: string,
  tap: () => Promise<void>,
): Promise<PaintTiming> {
  const [timing] = await timedTapStages(page, [selector], tap);
  return timing!;
}
