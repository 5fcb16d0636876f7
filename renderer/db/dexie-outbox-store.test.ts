import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../sync/client/outbox-entry';
import { dexieOutboxStore } from './dexie-outbox-store';
import { KioskDb } from './kiosk-db';
import { fakeEntry } from '../../sync/client/outbox-entry-fixture';

let db: KioskDb | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

describe('the Dexie outbox store', () => {
  it('purges entries acknowledged before the cut, never queued or quarantined ones', async () => {
    db = new KioskDb(`outbox-store-${crypto.randomUUID()}`);
    const store = dexieOutboxStore(db);
    const acked = (id: string, ackedAt: number): OutboxEntry => {
      const { envelope: _sent, ...entry } = fakeEntry(id, 0);
      return { ...entry, state: 'acked', ackedAt };
    };
    await store.put([
      acked('old', 1_000),
      acked('recent', 9_000),
      { ...fakeEntry('queued', 0), nextAttemptAt: 0 },
      { ...fakeEntry('poison', 0), state: 'quarantined', quarantinedAt: 1_000 },
    ]);
    expect(await store.purgeAcked(5_000)).toBe(1);
    expect((await db.outbox.toArray()).map((e) => e.id).sort()).toEqual([
      'poison',
      'queued',
      'recent',
    ]);
  });

  it('reads several attachments at once, in the order asked', async () => {
    db = new KioskDb(`outbox-store-${crypto.randomUUID()}`);
    const store = dexieOutboxStore(db);
    await db.attachments.bulkAdd(
      ['a', 'b'].map((id) => ({
        id,
        envelopeId: 'e',
        materialId: 'm',
        sealed: new Uint8Array([1]),
        sha256: 'B'.repeat(43),
        bytes: 1,
        uploaded: false,
      })),
    );
    expect((await store.attachments(['b', 'gone', 'a'])).map((a) => a?.id)).toEqual([
      'b',
      undefined,
      'a',
    ]);
  });
});
