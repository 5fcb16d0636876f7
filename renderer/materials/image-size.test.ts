import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitWithin } from './image-size';

describe('fitWithin', () => {
  it('shrinks a large photo to the long side and keeps a small one', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('never exceeds the limit and keeps the aspect ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 1, max: 20000 }),
        (w, h) => {
          const out = fitWithin(w, h);
          expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(1600);
          // Within the half-pixel rounding of each side.
          expect(Math.abs(out.width * h - out.height * w)).toBeLessThanOrEqual(Math.max(w, h));
        },
      ),
    );
  });
});
