import 'fake-indexeddb/auto';
import { createKioskSync } from '../sync/client/service/kiosk-sync';
import type { SideOptions, SideResult } from './sync-drain';
import { benchSubmission, sampleMemory } from './sync-drain-fixture';
import { benchPlatform } from './sync-drain-platform';

/**
 * Budayang's side of bench/sync-drain.ts in Node (`--kiosk node`): the kiosk's own submit path
 * (seal, durable write) on fake-indexeddb while the platform process is down, then the sync
 * engine, inline, drains to the reference platform on SQLite once it is back. Heap is this
 * process's V8 heapUsed.
 */
export async function runSide({ apps, kb }: SideOptions): Promise<SideResult> {
  const platform = await benchPlatform();
  const code = await platform.enrolmentCode();
  const sync = createKioskSync({
    platformUrl: `http://127.0.0.1:${platform.port}`,
    enrolmentCode: code,
    runtime: 'inline',
    dbName: `bench-drain-${process.pid}`,
  });
  await sync.ready();
  await platform.stop();

  for (let i = 0; i < apps; i++) await sync.submitApplication(benchSubmission(i, kb));

  const acked = new Set<string>();
  let allAcked: () => void = () => {};
  const done = new Promise<void>((resolve) => (allAcked = resolve));
  sync.onDelivery(({ id, state }) => {
    if (state !== 'acked') return;
    acked.add(id);
    if (acked.size === apps) allAcked();
  });
  await platform.start();
  const memory = sampleMemory();
  const started = performance.now();
  sync.syncNow();
  await done;
  const drainMs = Math.round(performance.now() - started);
  const { peakHeapMB, peakRssMB } = memory.stop();

  const held = await platform.applications();
  const complete = held.filter((a) => a.complete);
  const markers = new Set(complete.map((a) => a.marker));
  await sync.close();
  await platform.remove();
  return {
    side: 'budayang',
    kiosk: 'node',
    runtime: 'inline',
    apps,
    drainMs,
    appsPerSec: (apps * 1000) / drainMs,
    peakHeapMB,
    peakRssMB,
    lost: apps - markers.size,
    duplicates: complete.length - markers.size,
  };
}
