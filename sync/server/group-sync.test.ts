import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GroupSync } from './group-sync';

/** A sync whose completion the test controls; records which writes each sync covered. */
function harness() {
  let written = 0;
  const covered: number[] = [];
  const finishers: (() => void)[] = [];
  const group = new GroupSync(() => {
    const upTo = written;
    return new Promise<void>((resolve) =>
      finishers.push(() => {
        covered.push(upTo);
        resolve();
      }),
    );
  });
  return {
    group,
    write: () => ++written,
    covered,
    finishNext: () => finishers.shift()?.(),
    pending: () => finishers.length,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupSync', () => {
  it('shares one sync among the callers that arrive while another runs', async () => {
    const h = harness();
    h.write();
    const first = h.group.request();
    h.write();
    const second = h.group.request();
    h.write();
    const third = h.group.request();
    expect(h.pending()).toBe(1);
    h.finishNext();
    await first;
    await settle();
    expect(h.pending()).toBe(1);
    h.finishNext();
    await Promise.all([second, third]);
    expect(h.covered).toEqual([1, 3]);
  });

  it('answers every caller only after a sync that covers its write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), async (steps) => {
        const h = harness();
        const waiting: { wrote: number; done: boolean; coveredBy?: number }[] = [];
        for (const request of steps) {
          if (request) {
            const entry: (typeof waiting)[number] = { wrote: h.write(), done: false };
            waiting.push(entry);
            void h.group.request().then(() => {
              entry.done = true;
              entry.coveredBy = h.covered.at(-1);
            });
          } else {
            h.finishNext();
          }
          await settle();
        }
        while (h.pending() > 0) {
          h.finishNext();
          await settle();
        }
        for (const entry of waiting) {
          expect(entry.done).toBe(true);
          expect(entry.coveredBy).toBeGreaterThanOrEqual(entry.wrote);
        }
      }),
    );
  });
});
