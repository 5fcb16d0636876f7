// Scheduling work behind what the citizen sees. A touch's render, and the effects React runs
// with it, all happen before the browser paints the new screen: whatever can wait a frame
// (speech, a QR code, loading the next screens' code) is moved behind the paint with these.

/** Calls `then` once the next frame has been painted; the returned function cancels. */
export function afterNextPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    // rAF callbacks run just before the frame is painted; a task queued from one runs after.
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Resolves when the page has nothing else to do, or after `limitMs` regardless. */
export function whenIdle(limitMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: limitMs });
    else setTimeout(resolve, 0);
  });
}
