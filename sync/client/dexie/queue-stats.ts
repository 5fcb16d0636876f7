import { Dexie } from 'dexie';
import type { KioskDb } from './kiosk-db';

export interface QueueStats {
  queueDepth: number;
  oldestAgeMs: number | null;
  quarantined: number;
  ratingsQueued: number;
  telemetryQueued: number;
}

/** What the technician sees of the outbox; reads indexes only, never the sealed payloads. */
export async function queueStats(db: KioskDb, now: number): Promise<QueueStats> {
  return db.transaction('r', db.outbox, db.ratings, db.telemetry, async () => {
    const pending = (state: string) =>
      db.outbox
        .where('[state+nextAttemptAt]')
        .between([state, Dexie.minKey], [state, Dexie.maxKey])
        .count();
    const [queued, sending, quarantined] = await Promise.all([
      pending('queued'),
      pending('sending'),
      pending('quarantined'),
    ]);
    // The first key of each waiting state in [state+createdAt] is its oldest: keys only.
    const oldestIn = async (state: string) => {
      const key = await db.outbox
        .where('[state+createdAt]')
        .between([state, Dexie.minKey], [state, Dexie.maxKey])
        .limit(1)
        .keys();
      return (key[0] as [string, number] | undefined)?.[1];
    };
    const firsts = (await Promise.all([oldestIn('queued'), oldestIn('sending')])).filter(
      (at) => at !== undefined,
    );
    const oldest = firsts.length > 0 ? Math.min(...firsts) : undefined;
    return {
      queueDepth: queued + sending,
      oldestAgeMs: oldest === undefined ? null : Math.max(0, now - oldest),
      quarantined,
      ratingsQueued: await db.ratings.count(),
      telemetryQueued: await db.telemetry.count(),
    };
  });
}
