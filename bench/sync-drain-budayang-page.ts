/**
 * The page of Budayang's side of bench/sync-drain.ts in Chromium, bundled by esbuild: the
 * kiosk's own sync handle (Dexie on IndexedDB, sealing with WebCrypto, the sync engine in
 * its Web Worker unless told `inline`), driven by the side through page.evaluate.
 */
import { createKioskSync, type KioskSync } from '../renderer/sync/kiosk-sync';
import { benchSubmission } from './sync-drain-fixture';

let sync: KioskSync | undefined;
const acked = new Set<string>();
let ackedChanged = () => {};

const drainBench = {
  async setup(options: {
    platformUrl: string;
    enrolmentCode: string;
    runtime: 'worker' | 'inline';
  }) {
    sync = createKioskSync({ ...options, dbName: 'bench-drain' });
    sync.onDelivery(({ id, state }) => {
      if (state !== 'acked') return;
      acked.add(id);
      ackedChanged();
    });
    await sync.ready();
  },

  /** Submits applications `from`.. `from + count - 1` as the kiosk's submit button does. */
  async queue(from: number, count: number, kb: number): Promise<void> {
    for (let i = from; i < from + count; i++) await sync!.submitApplication(benchSubmission(i, kb));
  },

  /** Kicks the engine and resolves, with the time taken, once `apps` entries are acked. */
  async drain(apps: number): Promise<{ drainMs: number }> {
    const started = performance.now();
    const done = new Promise<void>((resolve) => {
      ackedChanged = () => {
        if (acked.size >= apps) resolve();
      };
    });
    sync!.syncNow();
    await done;
    return { drainMs: performance.now() - started };
  },

  async close(): Promise<void> {
    await sync?.close();
  },
};

export type DrainBench = typeof drainBench;
(globalThis as { drainBench?: DrainBench }).drainBench = drainBench;
