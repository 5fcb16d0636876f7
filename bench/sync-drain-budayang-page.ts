/**
 * The page of Budayang's side of bench/sync-drain.ts in Chromium, bundled by esbuild: the
 * kiosk's own sync handle (Dexie on IndexedDB, sealing with WebCrypto, the sync engine in
 * its Web Worker unless told `inline`), driven by the side through page.evaluate.
 */
import { KioskDb } from '../sync/client/dexie/kiosk-db';
import type { KioskSync } from '../sync/client/kiosk-sync';
import { createKioskSync } from '../sync/client/service/kiosk-sync';
import { benchSubmission } from './sync-drain-fixture';

let sync: KioskSync | undefined;
const acked = new Set<string>();
let ackedChanged = () => {};
let drainedAt = 0;
const DB_NAME = 'bench-drain';

const drainBench = {
  async setup(options: {
    platformUrl: string;
    enrolmentCode: string;
    runtime: 'worker' | 'inline';
  }) {
    sync = createKioskSync({ ...options, dbName: DB_NAME });
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
    drainedAt = performance.now();
    return { drainMs: drainedAt - started };
  },

  /**
   * Resolves, with the time since the drain was done, once the engine has purged the
   * delivered applications' sealed images from IndexedDB, which it does after delivering.
   */
  async purged(): Promise<{ purgeMs: number }> {
    const db = new KioskDb(DB_NAME);
    try {
      for (;;) {
        // One key at most: a count() walks every record left, which would slow the purge.
        const left = await db.attachments.limit(1).primaryKeys();
        if (left.length === 0) return { purgeMs: performance.now() - drainedAt };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      db.close();
    }
  },

  async close(): Promise<void> {
    await sync?.close();
  },
};

export type DrainBench = typeof drainBench;
(globalThis as { drainBench?: DrainBench }).drainBench = drainBench;
