import path from 'node:path';
import { startCpuProfile } from './cdp-cpu-profile';
import type { SideOptions, SideResult } from './sync-drain';
import { openDrainBench, stopMeasuring } from './sync-drain-page-side';
import type { DrainBench } from './sync-drain-pouchdb-page';
import { startPouchdbServer } from './sync-drain-pouchdb-server';
import { measureDrainCpu } from './sync-drain-processes';

const QUEUE_SLICE = 100;

/**
 * PouchDB's side of bench/sync-drain.ts in Chromium: the page
 * (bench/sync-drain-pouchdb-page.ts) seals the same applications the same way and stores
 * each as a document with its sealed image attached, in PouchDB's browser build on
 * IndexedDB, before any replication; then one replication to pouchdb-server (LevelDB on
 * disk, CORS on) is timed. PouchDB runs on the page's main thread, so heap is the page's.
 */
export async function runSide({
  apps,
  kb,
  pouchdbAdapter,
  profile,
  trace,
}: SideOptions): Promise<SideResult> {
  const server = await startPouchdbServer();
  const dist = path.join(import.meta.dirname, '../node_modules/pouchdb/dist');
  // Its readable build when profiling, so that the profile names PouchDB's functions.
  const min = profile === undefined ? '.min' : '';
  const { drain, bench, memory } = await openDrainBench<DrainBench>(
    {
      entry: path.join(import.meta.dirname, 'sync-drain-pouchdb-page.ts'),
      scripts: {
        '/pouchdb.js': path.join(dist, `pouchdb${min}.js`),
        '/pouchdb.indexeddb.js': path.join(dist, `pouchdb.indexeddb${min}.js`),
      },
      minify: profile === undefined,
    },
    trace,
    () => server.stop(),
  );
  try {
    const target = `${server.url}/applications`;
    const { adapter } = await bench('setup', { adapter: pouchdbAdapter, target });

    const ids: string[] = [];
    for (let from = 0; from < apps; from += QUEUE_SLICE)
      ids.push(...(await bench('queue', from, Math.min(QUEUE_SLICE, apps - from), kb)));

    await memory.collectGarbage();
    await memory.start();
    const profiler =
      profile === undefined ? undefined : await startCpuProfile(drain.cdp, drain.session, profile);
    const { result, cpu } = await measureDrainCpu(drain.profile, [server.pid], () =>
      bench('drain', target),
    );
    const { drainMs } = result;
    const memoryFigures = await stopMeasuring(memory, profiler);

    const held = await server.heldIds('applications');
    await bench('close');
    return {
      side: 'pouchdb',
      kiosk: 'chromium',
      runtime: `page, ${adapter} adapter`,
      apps,
      drainMs: Math.round(drainMs),
      appsPerSec: (apps * 1000) / drainMs,
      ...memoryFigures,
      ...cpu,
      lost: ids.filter((id) => !held.has(id)).length,
      // Document ids are the idempotency key there; a second copy cannot exist.
      duplicates: 0,
    };
  } finally {
    await drain.close();
    await server.stop();
  }
}
