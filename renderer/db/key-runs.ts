/**
 * The keys to delete as runs of neighbours: `[first, last]` of each stretch of `sorted` (every
 * key of a table, in key order) that holds only keys in `doomed`. A range delete costs
 * IndexedDB one request where deleting key by key costs one per key, and time-ordered ids put
 * what a drain delivered side by side, so a purge is mostly one or a few ranges.
 */
export function keyRuns(
  sorted: readonly string[],
  doomed: ReadonlySet<string>,
): Array<[first: string, last: string]> {
  const runs: Array<[string, string]> = [];
  let open: [string, string] | undefined;
  for (const key of sorted) {
    if (!doomed.has(key)) {
      open = undefined;
      continue;
    }
    if (open) open[1] = key;
    else runs.push((open = [key, key]));
  }
  return runs;
}
