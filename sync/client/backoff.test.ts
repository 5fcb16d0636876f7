import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationBackoff, fullJitterDelay } from './backoff';

describe('fullJitterDelay', () => {
  it('stays within [0, min(cap, base·2^(attempt-1)))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const delay = fullJitterDelay(applicationBackoff, attempt, () => r);
          const ceiling = Math.min(
            applicationBackoff.capMs,
            applicationBackoff.baseMs * 2 ** Math.max(attempt - 1, 0),
          );
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.max(ceiling, 1));
        },
      ),
    );
  });

  it('reaches the cap and never grows beyond it', () => {
    expect(fullJitterDelay(applicationBackoff, 50, () => 0.999999)).toBeLessThan(
      applicationBackoff.capMs,
    );
    expect(fullJitterDelay(applicationBackoff, 50, () => 0.999999)).toBeGreaterThan(
      applicationBackoff.capMs * 0.99,
    );
  });

  it('grows with the attempt count at the top of the range', () => {
    const top = (n: number) => fullJitterDelay({ baseMs: 100, capMs: 1e9 }, n, () => 0.999999);
    expect(top(1)).toBeLessThan(top(2));
    expect(top(2)).toBeLessThan(top(3));
  });
});
