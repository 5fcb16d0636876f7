import path from 'node:path';
import { startCpuProfile } from './cdp-cpu-profile';
import type { SideOptions, SideResult } from './sync-drain';
import type { DrainBench } from './sync-drain-budayang-page';
import { openDrainBench, stopMeasuring } from './sync-drain-page-side';
import { benchPlatform } from './sync-drain-platform';
import { measureDrainCpu } from './sync-drain-processes';

const QUEUE_SLICE = 100;

/**
 * Budayang's side of bench/sync-drain.ts in Chromium, as the kiosk runs in web mode: the page
 * (bench/sync-drain-budayang-page.ts) submits through createKioskSync while the platform
 * process is down, so every application is sealed and durably in the Dexie outbox; then the
 * platform (reference, SQLite) comes back and the sync engine, in its Web Worker, drains.
 * The worker is bundled apart and served at /worker/sync-worker.ts, where the kiosk-side
 * service's worker URL points from the page's root (Vite would emit it under a hashed name and
 * rewrite the URL; esbuild leaves the URL as written). Heap is the page's plus the worker's.
 */
export async function runSide({
  apps,
  kb,
  runtime,
  profile,
  trace,
}: SideOptions): Promise<SideResult> {
  const platform = await benchPlatform();
  const here = import.meta.dirname;
  const { drain, bench, memory } = await openDrainBench<DrainBench>(
    {
      entry: path.join(here, 'sync-drain-budayang-page.ts'),
      workers: {
        '/worker/sync-worker.ts': path.join(here, '../sync/client/worker/sync-worker.ts'),
      },
      minify: profile === undefined,
    },
    trace,
    () => platform.remove(),
  );
  try {
    const enrolmentCode = await platform.enrolmentCode();
    await bench('setup', {
      platformUrl: `http://127.0.0.1:${platform.port}`,
      enrolmentCode,
      runtime,
    });
    await platform.stop();

    for (let from = 0; from < apps; from += QUEUE_SLICE)
      await bench('queue', from, Math.min(QUEUE_SLICE, apps - from), kb);

    await platform.start();
    await memory.collectGarbage();
    await memory.start();
    const drainingThread = runtime === 'worker' ? [...drain.workers][0] : drain.session;
    if (profile !== undefined && drainingThread === undefined) throw new Error('no sync worker');
    const profiler =
      profile === undefined
        ? undefined
        : await startCpuProfile(drain.cdp, drainingThread!, profile);
    const { result, cpu } = await measureDrainCpu(
      drain.profile,
      [platform.pid()].filter((pid) => pid !== undefined),
      () => bench('drain', apps),
    );
    const { drainMs } = result;
    const purge = await measureDrainCpu(drain.profile, [], () => bench('purged'));
    const memoryFigures = await stopMeasuring(memory, profiler);

    const held = await platform.applications();
    const complete = held.filter((a) => a.complete);
    const markers = new Set(complete.map((a) => a.marker));
    await bench('close');
    return {
      side: 'budayang',
      kiosk: 'chromium',
      runtime,
      apps,
      drainMs: Math.round(drainMs),
      appsPerSec: (apps * 1000) / drainMs,
      ...memoryFigures,
      ...cpu,
      purgeMs: Math.round(purge.result.purgeMs),
      purgeCpuMs: purge.cpu.kioskCpuMs,
      lost: apps - markers.size,
      duplicates: complete.length - markers.size,
    };
  } finally {
    await drain.close();
    await platform.remove();
  }
}
