import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../outbox-entry';
import { dexieOutboxStore } from './outbox-store';
import { KioskDb } from './kiosk-db';
import { fakeEntry } from '../outbox-entry-fixture';

/** A one-byte sealed image of `envelopeId`. */
const image = (id: string, envelopeId: string) => ({
  id,
  envelopeId,
  materialId: 'm',
  sealed: new Uint8Array([1]),
  sha256: 'B'.repeat(43),
  bytes: 1,
  uploaded: false,
});

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
    // Side by side (one range read) and not (one read each): the same answer.
    await db.attachments.add({ ...(await db.attachments.get('a'))!, id: 'ab' });
    expect((await store.attachments(['b', 'a'])).map((a) => a?.id)).toEqual(['b', 'a']);
    expect((await store.attachments(['ab', 'b', 'a'])).map((a) => a?.id)).toEqual(['ab', 'b', 'a']);
  });

  it("purges delivered entries' images, and no other entry's lying between them", async () => {
    db = new KioskDb(`outbox-store-${crypto.randomUUID()}`);
    const store = dexieOutboxStore(db);
    await db.attachments.bulkAdd([
      image('1', 'x'),
      image('2', 'x'),
      image('3', 'poison'),
      image('4', 'y'),
      image('5', 'z'),
      image('6', 'z'),
      image('7', 'gone'),
      image('8', 'w'),
    ]);
    const acked = (id: string): OutboxEntry => {
      const { envelope: _sent, ...entry } = fakeEntry(id, 0);
      return { ...entry, state: 'acked', ackedAt: 1 };
    };
    await store.put([
      { ...fakeEntry('poison', 0), state: 'quarantined', quarantinedAt: 1 },
      fakeEntry('z', 0),
      { ...fakeEntry('w', 0), state: 'sending' },
    ]);
    await store.put([acked('x'), acked('y')]);
    // Writing an entry back leaves its images to the purge.
    expect(await db.attachments.count()).toBe(8);
    // 'gone' has no entry any more (purged after retention, or a half-finished older version).
    expect(await store.purgeDelivered()).toBe(4);
    expect((await db.attachments.toArray()).map((a) => a.id)).toEqual(['3', '5', '6', '8']);
    await store.put([acked('z')]);
    expect(await store.purgeDelivered()).toBe(2);
    expect(await store.purgeDelivered()).toBe(0);
    expect((await db.attachments.toArray()).map((a) => a.id)).toEqual(['3', '8']);
  });

  it('keeps an image submitted between the purge finding what to delete and deleting it', async () => {
    const kiosk = (db = new KioskDb(`outbox-store-${crypto.randomUUID()}`));
    const store = dexieOutboxStore(kiosk);
    const { envelope: _sent, ...delivered } = fakeEntry('x', 0);
    await db.outbox.put({ ...delivered, state: 'acked', ackedAt: 1 });
    await db.attachments.bulkAdd([image('1', 'x'), image('3', 'x')]);
    // A clock set back, or an older kiosk's random ids: the new image sorts between the two.
    const purging = store.purgeDelivered();
    const submitting = kiosk.transaction('rw', kiosk.outbox, kiosk.attachments, async () => {
      await kiosk.outbox.add(fakeEntry('new', 0));
      await kiosk.attachments.add(image('2', 'new'));
    });
    await Promise.all([purging, submitting]);
    expect(await purging).toBe(2);
    expect((await db.attachments.toArray()).map((a) => a.id)).toEqual(['2']);
  });

  it('notes a flight in one write, and finds what a flight cut off never settled', async () => {
    db = new KioskDb(`outbox-store-${crypto.randomUUID()}`);
    const store = dexieOutboxStore(db);
    const queued = (id: string) => ({ ...fakeEntry(id, 0), nextAttemptAt: 0 });
    // 'legacy' was marked `sending` by a version before flights.
    await store.put([
      queued('a'),
      queued('b'),
      queued('c'),
      { ...queued('legacy'), state: 'sending' },
    ]);
    const first = await store.beginFlight(['a', 'b']);
    const second = await store.beginFlight(['c']);
    expect((await db.outbox.get('a'))?.state).toBe('queued');
    // The first flight settles: a acked, b queued again; the second is cut off.
    const { envelope: _sent, ...a } = queued('a');
    await store.put([{ ...a, state: 'acked', ackedAt: 5 }, queued('b')]);
    await store.endFlights([first]);
    expect(await db.flights.count()).toBe(1);
    const cut = await store.interrupted();
    expect(cut.map((entry) => [entry.id, entry.state]).sort()).toEqual([
      ['c', 'sending'],
      ['legacy', 'sending'],
    ]);
    // A flight naming an entry that settled elsewhere does not bring it back.
    await store.beginFlight(['a']);
    expect((await store.interrupted()).map((entry) => entry.id).sort()).toEqual(['c', 'legacy']);
    // The next flight's note forgets those settled since.
    const third = await store.beginFlight(['b'], [second]);
    expect((await db.flights.toArray()).map((f) => f.id)).not.toContain(second);
    expect(third).not.toBe(second);
    await store.put([], 'all');
    expect(await db.flights.count()).toBe(0);
    expect(second).not.toBe(first);
  });
});
