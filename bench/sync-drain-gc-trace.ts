/** A Chrome trace event, as the DevTools protocol's Tracing.dataCollected hands them over. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  args?: { name?: string; usedHeapSizeBefore?: number };
}

/** The trace categories that hold V8's MinorGC/MajorGC events with the heap's size. */
export const GC_TRACE_CATEGORIES = ['v8'];

/**
 * Each JS thread's largest heap just before a collection, in bytes, from one renderer's GC
 * events: the heap grows until V8 collects, so these are its high points, even those reached
 * inside a long task that no DevTools request can interrupt. The renderer is the one with the
 * most collections (the page under test; an idle spare renderer hardly collects), whatever
 * else the trace holds. `page` is its main thread; `workers` its dedicated workers', one
 * entry per thread.
 */
export function gcPeaks(events: readonly TraceEvent[]): {
  page: number;
  workers: number[];
  collections: number;
  majorCollections: number;
} {
  const isCollection = (e: TraceEvent) =>
    (e.name === 'MinorGC' || e.name === 'MajorGC') && e.args?.usedHeapSizeBefore !== undefined;
  const perPid = new Map<number, number>();
  for (const e of events) if (isCollection(e)) perPid.set(e.pid, (perPid.get(e.pid) ?? 0) + 1);
  const busiest = [...perPid.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const ofRenderer = events.filter((e) => e.pid === busiest);
  const threadName = new Map<number, string>();
  for (const e of ofRenderer)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name)
      threadName.set(e.tid, e.args.name);
  const peak = new Map<number, number>();
  let collections = 0;
  let majorCollections = 0;
  for (const e of ofRenderer) {
    if (!isCollection(e)) continue;
    collections++;
    if (e.name === 'MajorGC') majorCollections++;
    peak.set(e.tid, Math.max(peak.get(e.tid) ?? 0, e.args!.usedHeapSizeBefore!));
  }
  let page = 0;
  const workers: number[] = [];
  for (const [tid, bytes] of peak) {
    const name = threadName.get(tid) ?? '';
    if (name === 'CrRendererMain') page = Math.max(page, bytes);
    else if (name.startsWith('DedicatedWorker')) workers.push(bytes);
  }
  return { page, workers, collections, majorCollections };
}
