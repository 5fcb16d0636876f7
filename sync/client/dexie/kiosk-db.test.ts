import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskDb, schemaV1, schemaV2 } from './kiosk-db';
import { queueStats } from './queue-stats';
import type { OutboxEntryV1 } from './upgrade-v2';

const names: string[] = [];
function dbName() {
  const name = `kiosk-db-test-${names.length}-${Math.random()}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function v1Entry(id: string, images: number): OutboxEntryV1 {
  return {
    id,
    serviceCode: '000131128000',
    receiptNumber: `ZZ${id}`,
    idHash: `h${id}`,
    createdAt: 1,
    state: 'queued',
    attempts: 2,
    nextAttemptAt: 5,
    attachments: Array.from({ length: images }, (_, i) => ({
      id: `${id}-att-${i}`,
      materialId: `m${i}`,
      sealed: new Uint8Array(1000 + i),
      sha256: 'x'.repeat(43),
    })),
  };
}

describe('KioskDb upgrades', () => {
  it('v1 → v2 moves inline images to the attachments table and keeps every entry', async () => {
    const name = dbName();
    const v1 = new Dexie(name);
    v1.version(1).stores(schemaV1);
    const rows = Array.from({ length: 45 }, (_, i) =>
      v1Entry(`e${String(i).padStart(3, '0')}`, i % 4),
    );
    await v1.table('outbox').bulkAdd(rows);
    await v1.table('meta').put({ key: 'kioskId', value: 'K-1' });
    v1.close();

    const db = new KioskDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.outbox.count()).toBe(45);
    const entry = await db.outbox.get('e003');
    expect(entry).toMatchObject({
      state: 'queued',
      attempts: 2,
      interruptions: 0,
      isolate: false,
      attachmentIds: ['e003-att-0', 'e003-att-1', 'e003-att-2'],
    });
    expect(entry && 'attachments' in entry).toBe(false);
    expect(entry?.bytes).toBe(1000 + 1001 + 1002);
    const images = await db.attachments.where('envelopeId').equals('e003').toArray();
    expect(
      images.map((image) => [image.materialId, image.sealed.byteLength, image.uploaded]),
    ).toEqual([
      ['m0', 1000, false],
      ['m1', 1001, false],
      ['m2', 1002, false],
    ]);
    expect(await db.attachments.count()).toBe(
      rows.reduce((n, row) => n + row.attachments.length, 0),
    );
    expect(await db.meta.get('kioskId')).toEqual({ key: 'kioskId', value: 'K-1' });
    db.close();
  });

  it('v2 → v3 indexes the rows already there by state and age', async () => {
    const name = dbName();
    const v2 = new Dexie(name);
    v2.version(1).stores(schemaV1);
    v2.version(2).stores(schemaV2);
    const states = ['acked', 'queued', 'sending', 'quarantined', 'queued'] as const;
    await v2.table('outbox').bulkAdd(
      states.map((state, i) => ({
        id: `e${i}`,
        state,
        createdAt: 1000 - i,
        nextAttemptAt: 0,
        attachmentIds: [],
      })),
    );
    v2.close();

    const db = new KioskDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    const queued = await db.outbox
      .where('[state+createdAt]')
      .between(['queued', Dexie.minKey], ['queued', Dexie.maxKey])
      .primaryKeys();
    expect(queued).toEqual(['e4', 'e1']);
    expect((await queueStats(db, 2000)).oldestAgeMs).toBe(2000 - 996);
    db.close();
  });

  it('opens empty at the latest version', async () => {
    const db = new KioskDb(dbName());
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'attachments',
      'catalog',
      'flights',
      'meta',
      'outbox',
      'ratings',
      'status',
      'telemetry',
    ]);
    db.close();
  });
});
