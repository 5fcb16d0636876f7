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
          const covered = sorted.filter((key) =>
            runs.some(([first, last]) => first <= key && key <= last),
          );
          expect(covered).toEqual(sorted.filter((key) => doomed.has(key)));
          // Two runs never touch: a kept key lies between every two.
          const kept = sorted.filter((key) => !doomed.has(key));
          for (let i = 1; i < runs.length; i++)
            expect(kept.some((key) => runs[i - 1]![1] < key && key < runs[i]![0])).toBe(true);
        },
      ),
    );
  });

  it('is one run when every key goes, and none when none does', () => {
    expect(keyRuns(['a', 'b', 'c'], new Set(['a', 'b', 'c']))).toEqual([['a', 'c']]);
    expect(keyRuns(['a', 'b', 'c'], new Set())).toEqual([]);
    expect(keyRuns(['a', 'b', 'c', 'd'], new Set(['a', 'c', 'd', 'x']))).toEqual([
      ['a', 'a'],
      ['c', 'd'],
    ]);
  });
});
