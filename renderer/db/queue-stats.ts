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
    let oldest: number | undefined;
    // createdAt order; acked and quarantined rows are skipped on the way.
    await db.outbox
      .orderBy('createdAt')
      .until(() => oldest !== undefined)
      .each((entry) => {
        if (entry.state === 'queued' || entry.state === 'sending') oldest = entry.createdAt;
      });
    return {
      queueDepth: queued + sending,
      oldestAgeMs: oldest === undefined ? null : Math.max(0, now - oldest),
      quarantined,
      ratingsQueued: await db.ratings.count(),
      telemetryQueued: await db.telemetry.count(),
    };
  });
}
