import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { drain, recoverOutbox } from '../drain';
import type { OutboxAttachment, OutboxEntry } from '../outbox-entry';
import { fakeAttachments, fakeEntry } from '../outbox-entry-fixture';
import type { OutboxStore } from '../outbox-store';
import type { PlatformPort } from '../platform-port';
import { dexieOutboxStore } from './outbox-store';
import type { KioskDb } from './kiosk-db';
import { freshKioskDbs } from './kiosk-db-fixture';

/**
 * A drain leaves the delivered images where they are until it has nothing left to send (or
 * `purgeAfterBytes` of them wait), then purges them; a purge that fails costs disk, never a
 * delivery.
 */

/** Takes every envelope with its images inline. */
const platform: PlatformPort = {
  async submitEnvelopes(entries: readonly OutboxEntry[]) {
    return new Map(
      entries.map((entry) => [
        entry.id,
        { kind: 'stored' as const, duplicate: false, missingAttachments: [] },
      ]),
    );
  },
  async uploadAttachment(_attachment: OutboxAttachment): Promise<void> {
    throw new Error('every image travels inline here');
  },
};

async function enqueue(db: KioskDb, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = `e${String(i).padStart(2, '0')}`;
    const attachmentIds = [`${id}/0`, `${id}/1`];
    await db.transaction('rw', db.outbox, db.attachments, async () => {
      await db.outbox.add({ ...fakeEntry(id, 1_000, attachmentIds), bytes: 100 });
      await db.attachments.bulkAdd(fakeAttachments(id, attachmentIds, [40, 40]));
    });
  }
}

/** The store, counting purges and how many images each found still there. */
function counting(db: KioskDb, store: OutboxStore) {
  const before: number[] = [];
  return {
    before,
    store: {
      ...store,
      async purgeDelivered() {
        before.push(await db.attachments.count());
        return store.purgeDelivered();
      },
    } satisfies OutboxStore,
  };
}

const freshDb = freshKioskDbs('drain-purge');

const clock = { now: () => 2_000, random: () => 0.5 };
const limits = { maxItems: 2, maxBytes: 1_000_000 };

describe('purging what a drain delivered', () => {
  it('purges once, when the drain has sent everything', async () => {
    const db = freshDb();
    await enqueue(db, 10);
    const { store, before } = counting(db, dexieOutboxStore(db));
    const report = await drain({ store, platform, ...clock, limits });
    expect(report.delivered).toBe(10);
    expect(before).toEqual([20]);
    expect(await db.attachments.count()).toBe(0);
  });

  it('purges during the drain too, once purgeAfterBytes of delivered entries wait', async () => {
    const db = freshDb();
    await enqueue(db, 10);
    const { store, before } = counting(db, dexieOutboxStore(db));
    await drain({ store, platform, ...clock, limits, batchesInFlight: 1, purgeAfterBytes: 400 });
    // One batch is two entries of 100 bytes (two images each): a purge after every second
    // batch, and one at the end for the fifth.
    expect(before).toEqual([20, 12, 4]);
    expect(await db.attachments.count()).toBe(0);
  });

  it('leaves the purge to the next start when it is told to stop', async () => {
    const db = freshDb();
    await enqueue(db, 4);
    const real = dexieOutboxStore(db);
    const { store, before } = counting(db, real);
    const stopping = new AbortController();
    const report = await drain({
      store,
      platform,
      ...clock,
      limits,
      batchesInFlight: 1,
      signal: stopping.signal,
      onSettled: () => stopping.abort(),
    });
    expect(report.stoppedBy).toBe('aborted');
    expect(before).toEqual([]);
    const left = await db.attachments.count();
    expect(left).toBeGreaterThan(0);
    await recoverOutbox({ store: real, ...clock });
    expect(await db.attachments.count()).toBe(8 - 2 * report.delivered);
  });

  it('keeps the deliveries when the purge fails, says why, and recovery purges later', async () => {
    const db = freshDb();
    await enqueue(db, 4);
    const real = dexieOutboxStore(db);
    const failing: OutboxStore = {
      ...real,
      purgeDelivered: () => Promise.reject(new DOMException('disk I/O error', 'UnknownError')),
    };
    const report = await drain({ store: failing, platform, ...clock, limits });
    expect(report.delivered).toBe(4);
    expect(report.lastError).toMatch(/^purging delivered attachments: UnknownError/);
    expect((await db.outbox.toArray()).every((entry) => entry.state === 'acked')).toBe(true);
    expect(await db.attachments.count()).toBe(8);
    await recoverOutbox({ store: real, ...clock });
    expect(await db.attachments.count()).toBe(0);
  });
});
