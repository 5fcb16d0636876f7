/**
 * The keys to delete as runs of neighbours: `[start, end)` of each stretch of `sorted` (every
 * key of a table, in key order) that holds only keys in `doomed`. A range delete costs
 * IndexedDB one request where deleting key by key costs one per key, and time-ordered ids put
 * what a drain delivered side by side, so a purge is mostly one or a few ranges.
 */
export function keyRuns(
  sorted: readonly string[],
  doomed: ReadonlySet<string>,
): Array<[start: number, end: number]> {
  const runs: Array<[number, number]> = [];
  let open: [number, number] | undefined;
  sorted.forEach((key, i) => {
    if (!doomed.has(key)) open = undefined;
    else if (open) open[1] = i + 1;
    else runs.push((open = [i, i + 1]));
  });
  return runs;
}
