import path from 'node:path';
import type { SideOptions, SideResult } from './sync-drain';
import type { DrainBench } from './sync-drain-budayang-page';
import { loadDrainPage, openDrainPage } from './sync-drain-chromium';
import { benchPlatform } from './sync-drain-platform';
import { cpuAccount, chromiumProcesses } from './sync-drain-processes';
import { watchRendererMemory } from './sync-drain-renderer-memory';

const QUEUE_SLICE = 100;
type PageGlobal = { drainBench: DrainBench };

/**
 * Budayang's side of bench/sync-drain.ts in Chromium, as the kiosk runs in web mode: the page
 * (bench/sync-drain-budayang-page.ts) submits through createKioskSync while the platform
 * process is down, so every application is sealed and durably in the Dexie outbox; then the
 * platform (reference, SQLite) comes back and the sync engine, in its Web Worker, drains.
 * The worker is bundled apart and served where kiosk-sync's `new URL('./sync-worker.ts',
 * import.meta.url)` points (Vite would emit it under a hashed name and rewrite the URL;
 * esbuild leaves the URL as written). Heap is the page's plus the worker's.
 */
export async function runSide({ apps, kb, runtime }: SideOptions): Promise<SideResult> {
  const platform = await benchPlatform();
  const here = import.meta.dirname;
  const drain = await openDrainPage({
    entry: path.join(here, 'sync-drain-budayang-page.ts'),
    workers: { '/sync-worker.ts': path.join(here, '../renderer/sync/sync-worker.ts') },
  }).catch(async (error: unknown) => {
    await platform.remove();
    throw error;
  });
  try {
    const { page } = drain;
    const memory = await watchRendererMemory(drain);
    await loadDrainPage(drain, 'drainBench');
    const enrolmentCode = await platform.enrolmentCode();
    await page.evaluate(
      ({ options }) => (globalThis as unknown as PageGlobal).drainBench.setup(options),
      { options: { platformUrl: `http://127.0.0.1:${platform.port}`, enrolmentCode, runtime } },
    );
    await platform.stop();

    for (let from = 0; from < apps; from += QUEUE_SLICE)
      await page.evaluate(
        ({ from, count, kb }) =>
          (globalThis as unknown as PageGlobal).drainBench.queue(from, count, kb),
        { from, count: Math.min(QUEUE_SLICE, apps - from), kb },
      );

    await platform.start();
    await memory.collectGarbage();
    await memory.start();
    const kioskCpu = cpuAccount(chromiumProcesses(drain.profile).map((p) => p.pid));
    const serverCpu = cpuAccount([platform.pid()].filter((pid) => pid !== undefined));
    const { drainMs } = await page.evaluate(
      (apps) => (globalThis as unknown as PageGlobal).drainBench.drain(apps),
      apps,
    );
    const cpu = { kioskCpuMs: kioskCpu.stop(), serverCpuMs: serverCpu.stop() };
    const peaks = await memory.stop();
    const retainedHeapMB = await memory.retainedHeapMB();

    const held = await platform.applications();
    const complete = held.filter((a) => a.complete);
    const markers = new Set(complete.map((a) => a.marker));
    await page.evaluate(() => (globalThis as unknown as PageGlobal).drainBench.close());
    return {
      side: 'budayang',
      kiosk: 'chromium',
      runtime,
      apps,
      drainMs: Math.round(drainMs),
      appsPerSec: (apps * 1000) / drainMs,
      ...peaks,
      retainedHeapMB,
      ...cpu,
      lost: apps - markers.size,
      duplicates: complete.length - markers.size,
    };
  } finally {
    await drain.close();
    await platform.remove();
  }
}
