import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyRuns } from './key-runs';

describe('keyRuns', () => {
  it('covers exactly the doomed keys, in as few runs as the others allow', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 40 }),
        fc.func(fc.boolean()),
        (keys, pick) => {
          const sorted = [...keys].sort();
          const doomed = new Set(sorted.filter((key) => pick(key)));
          const runs = keyRuns(sorted, doomed);
          const covered = runs.flatMap(([start, end]) => sorted.slice(start, end));
          expect(covered).toEqual(sorted.filter((key) => doomed.has(key)));
          // Runs are in order, and never touch: a kept key lies between every two.
          for (const [start, end] of runs) expect(start).toBeLessThan(end);
          for (let i = 1; i < runs.length; i++)
            expect(runs[i]![0]).toBeGreaterThan(runs[i - 1]![1]);
        },
      ),
    );
  });

  it('is one run when every key goes, and none when none does', () => {
    expect(keyRuns(['a', 'b', 'c'], new Set(['a', 'b', 'c']))).toEqual([[0, 3]]);
    expect(keyRuns(['a', 'b', 'c'], new Set())).toEqual([]);
    expect(keyRuns(['a', 'b', 'c', 'd'], new Set(['a', 'c', 'd', 'x']))).toEqual([
      [0, 1],
      [2, 4],
    ]);
  });
});
