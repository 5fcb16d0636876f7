import { writeFileSync } from 'node:fs';
import type { DrainPage } from './sync-drain-chromium';
import { GC_TRACE_CATEGORIES, gcPeaks, type TraceEvent } from './sync-drain-gc-trace';
import { chromiumProcesses, rssBytes } from './sync-drain-processes';

/** Peaks over a watch, in MB. */
export interface RendererMemoryPeaks {
  /**
   * The page's JS heap peak plus its workers': each thread's own peak, added up (an upper
   * bound on their sum at any one moment).
   */
  peakHeapMB: number;
  /** The same threads' heaps added up at the start, after the full GC: what the drain adds. */
  startHeapMB: number;
  peakPageHeapMB: number;
  /** 0 when the page had no worker. */
  peakWorkerHeapMB: number;
  /** The largest renderer process of the side's browser (ArrayBuffers, Blobs being read). */
  peakRssMB: number;
  /** Heap samples answered: a busy thread answers between its tasks only. */
  heapSamples: number;
  /** Collections V8 reported in the trace, whose sizes before count as samples too. */
  gcEvents: number;
  /** Of those, full (mark-compact) ones: without any, dead objects promoted stay counted. */
  majorGcEvents: number;
}

export interface RendererMemoryWatch {
  /** A full GC in the page and its workers, so the queueing's garbage is not counted. */
  collectGarbage(): Promise<void>;
  /** The page's and workers' heaps added up after a full GC: what they hold on to, in MB. */
  retainedHeapMB(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<RendererMemoryPeaks>;
}

const MB = 2 ** 20;

export interface RendererMemoryOptions {
  /** The least time between two heap samples of a thread. */
  intervalMs?: number;
  /**
   * Where to write the watch's trace (JSON, chrome://tracing and Perfetto open it), with
   * DIAGNOSTIC_TRACE_CATEGORIES traced besides V8's GC events: a diagnostic, whose figures
   * the extra tracing burdens.
   */
  traceFile?: string;
}

/** Tasks of every thread, and IndexedDB's work in the browser process. */
const DIAGNOSTIC_TRACE_CATEGORIES = ['toplevel', 'IndexedDB'];

/**
 * Watches the renderer's memory through the DevTools protocol. Each JS thread's peak heap is
 * the larger of Runtime.getHeapUsage samples (the page's, and each worker's through its
 * auto-attached session), taken `intervalMs` apart at most, and of the heap's size before
 * each collection in a trace of V8's GC events (a sample waits for a busy thread's task to
 * end; a collection in its middle is where the heap tops out). RSS is the renderer
 * processes' from /proc.
 */
export async function watchRendererMemory(
  drain: DrainPage,
  { intervalMs = 20, traceFile }: RendererMemoryOptions = {},
): Promise<RendererMemoryWatch> {
  const { cdp, session, workers } = drain;

  // Each thread is asked on its own, so a worker busy with a long task does not hold back
  // the page's samples.
  const sampled = new Map<string, number>();
  const first = new Map<string, number>();
  let heapSamples = 0;
  let peakRss = 0;
  function heapUsage(target: string): Promise<{ usedSize: number }> {
    return cdp.send('Runtime.getHeapUsage', {}, target);
  }

  const trace: TraceEvent[] = [];
  cdp.on<{ value: TraceEvent[] }>('Tracing.dataCollected', (event) => trace.push(...event.value));

  let stopping = false;
  const loops: Promise<void>[] = [];
  async function every(step: () => Promise<void> | void): Promise<void> {
    for (let last = false; !last;) {
      last = stopping;
      const started = performance.now();
      await step();
      const rest = intervalMs - (performance.now() - started);
      if (!last && rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  }
  async function collectGarbage() {
    for (const target of [session, ...workers])
      await cdp.send('HeapProfiler.collectGarbage', {}, target);
  }
  return {
    collectGarbage,
    async retainedHeapMB() {
      await collectGarbage();
      let bytes = 0;
      for (const target of [session, ...workers]) bytes += (await heapUsage(target)).usedSize;
      return bytes / MB;
    },
    async start() {
      await cdp.send(
        'Tracing.start',
        {
          traceConfig: {
            includedCategories: [
              ...GC_TRACE_CATEGORIES,
              ...(traceFile === undefined ? [] : DIAGNOSTIC_TRACE_CATEGORIES),
            ],
            excludedCategories: ['*'],
          },
          transferMode: 'ReportEvents',
        },
        session,
      );
      const renderers = chromiumProcesses(drain.profile)
        .filter((p) => p.type === 'renderer')
        .map((p) => p.pid);
      for (const target of [session, ...workers])
        loops.push(
          every(async () => {
            const usage = await heapUsage(target).catch(() => undefined);
            if (!usage) return;
            if (!first.has(target)) first.set(target, usage.usedSize);
            sampled.set(target, Math.max(sampled.get(target) ?? 0, usage.usedSize));
            heapSamples++;
          }),
        );
      loops.push(
        every(() => {
          for (const pid of renderers) peakRss = Math.max(peakRss, rssBytes(pid));
        }),
      );
    },
    async stop() {
      stopping = true;
      await Promise.all(loops);
      const complete = cdp.once('Tracing.tracingComplete', (_, from) => from === session);
      await cdp.send('Tracing.end', {}, session);
      await complete;
      if (traceFile) writeFileSync(traceFile, JSON.stringify({ traceEvents: trace }));
      const traced = gcPeaks(trace);
      const page = Math.max(sampled.get(session) ?? 0, traced.page);
      let sampledWorkers = 0;
      for (const [target, bytes] of sampled) if (target !== session) sampledWorkers += bytes;
      const worker = Math.max(
        sampledWorkers,
        traced.workers.reduce((a, b) => a + b, 0),
      );
      return {
        peakHeapMB: (page + worker) / MB,
        startHeapMB: [...first.values()].reduce((a, b) => a + b, 0) / MB,
        peakPageHeapMB: page / MB,
        peakWorkerHeapMB: worker / MB,
        peakRssMB: peakRss / MB,
        heapSamples,
        gcEvents: traced.collections,
        majorGcEvents: traced.majorCollections,
      };
    },
  };
}
