import {
  loadDrainPage,
  openDrainPage,
  pageCall,
  type DrainPage,
  type DrainPageOptions,
  type PageCall,
} from './sync-drain-chromium';
import {
  watchRendererMemory,
  type RendererMemoryPeaks,
  type RendererMemoryWatch,
} from './sync-drain-renderer-memory';

export interface DrainBenchPage<B> {
  drain: DrainPage;
  /** The page's global `drainBench`. */
  bench: PageCall<B>;
  memory: RendererMemoryWatch;
}

/**
 * A Chromium side's drain page, loaded, its renderer's memory watched from before the load.
 * Should any of that fail, the page is closed and `cleanup` (the side's server) runs, as the
 * side's own `finally` does once this has returned.
 */
export async function openDrainBench<B>(
  options: DrainPageOptions,
  traceFile: string | undefined,
  cleanup: () => Promise<unknown>,
): Promise<DrainBenchPage<B>> {
  const drain = await openDrainPage(options).catch(async (error: unknown) => {
    await cleanup();
    throw error;
  });
  try {
    const bench = pageCall<B>(drain, 'drainBench');
    const memory = await watchRendererMemory(drain, { traceFile });
    await loadDrainPage(drain, 'drainBench');
    return { drain, bench, memory };
  } catch (error) {
    await drain.close();
    await cleanup();
    throw error;
  }
}

/**
 * Ends a side's measurement once its drain is over: the CPU profile written, then the
 * memory's peaks and, after a full GC, what the heap kept.
 */
export async function stopMeasuring(
  memory: RendererMemoryWatch,
  profiler: { stop(): Promise<unknown> } | undefined,
): Promise<RendererMemoryPeaks & { retainedHeapMB: number }> {
  await profiler?.stop();
  const peaks = await memory.stop();
  return { ...peaks, retainedHeapMB: await memory.retainedHeapMB() };
}
