import { Dexie } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { OutboxAttachment, OutboxEntry } from '../outbox-entry';
import type { OutboxStore } from '../outbox-store';
import type { KioskDb } from './kiosk-db';
import { keyRuns } from './key-runs';

/** The drain's view of the outbox, on the kiosk database. */
export function dexieOutboxStore(db: KioskDb): OutboxStore {
  return {
    interrupted: () =>
      db.transaction('r', db.outbox, db.flights, async () => {
        const flown = (await db.flights.toArray()).flatMap((flight) => flight.entryIds);
        // An entry a flight names but that is acked or quarantined had settled in another
        // flight after all; only the queued ones were cut off.
        const cutOff = (await db.outbox.bulkGet(flown)).filter(
          (entry) => entry?.state === 'queued',
        ) as OutboxEntry[];
        // Versions before the flights table marked each entry instead.
        const marked = await db.outbox
          .where('[state+nextAttemptAt]')
          .between(['sending', Dexie.minKey], ['sending', Dexie.maxKey])
          .toArray();
        const byId = new Map(
          [...cutOff, ...marked].map((entry) => [
            entry.id,
            { ...entry, state: 'sending' as const },
          ]),
        );
        return [...byId.values()];
      }),

    due: (now, limit) =>
      db.outbox
        .where('[state+nextAttemptAt]')
        .between(['queued', Dexie.minKey], ['queued', now], true, true)
        .limit(limit)
        .toArray(),

    async nextDueAt() {
      const first = await db.outbox
        .where('[state+nextAttemptAt]')
        .between(['queued', Dexie.minKey], ['queued', Dexie.maxKey])
        .first();
      return first?.nextAttemptAt;
    },

    attachment: (id) => db.attachments.get(id),

    async attachments(ids) {
      const run = ids.length > 1 ? await keyRun(db, ids) : undefined;
      if (!run) return db.attachments.bulkGet(ids as string[]);
      const byId = new Map((await run.toArray()).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    },

    async noteUpload(attachmentId, change) {
      await db.attachments.update(attachmentId, change as Partial<OutboxAttachment>);
    },

    // Flights are a table of their own, written apart from the entries: a new flight's note
    // then never waits for an earlier batch's settling (IndexedDB runs writes to a table in
    // order), which would hold back every batch behind the one before.
    async beginFlight(entryIds, ended = []) {
      const id = uuidv7();
      await db.transaction('rw', db.flights, async () => {
        if (ended.length > 0) await db.flights.bulkDelete([...ended]);
        await db.flights.add({ id, entryIds: [...entryIds], startedAt: Date.now() });
      });
      return id;
    },

    async endFlights(ids) {
      if (ids.length > 0) await db.flights.bulkDelete([...ids]);
    },

    async put(entries, end) {
      const tables = end === 'all' ? [db.outbox, db.flights] : [db.outbox];
      await db.transaction('rw', tables, async () => {
        if (end === 'all') await db.flights.clear();
        await db.outbox.bulkPut(entries as OutboxEntry[]);
      });
    },

    async purgeDelivered() {
      const { ids, doomed } = await db.transaction('r', db.outbox, db.attachments, async () => {
        // Keys only: neither an entry nor an image is read to decide.
        const live = new Set<string>();
        for (const state of ['queued', 'sending', 'quarantined'] as const)
          for (const id of await db.outbox
            .where('[state+nextAttemptAt]')
            .between([state, Dexie.minKey], [state, Dexie.maxKey])
            .primaryKeys())
            live.add(id);
        const byEnvelope = db.attachments.orderBy('envelopeId');
        const envelopeIds = await byEnvelope.keys();
        const ids = await byEnvelope.primaryKeys();
        return { ids, doomed: new Set(ids.filter((_, i) => !live.has(envelopeIds[i] as string))) };
      });
      if (doomed.size === 0) return 0;
      // An attachment doomed stays doomed (an acked entry is never queued again, intake writes
      // an entry with its images), so the deleting may come in slices: each a transaction
      // short enough that a citizen's submission never waits long behind it. IndexedDB orders
      // string keys by UTF-16 code units, as sort() does.
      const sorted = ids.sort();
      let purged = 0;
      for (const [start, end] of keyRuns(sorted, doomed))
        for (let i = start; i < end; i += PURGE_SLICE)
          purged += await purgeSlice(
            db,
            sorted[i]!,
            sorted[Math.min(i + PURGE_SLICE, end) - 1]!,
            doomed,
          );
      return purged;
    },

    purgeAcked: (before) =>
      db.outbox
        .where('[state+nextAttemptAt]')
        .between(['acked', Dexie.minKey], ['acked', Dexie.maxKey])
        .filter((entry) => (entry.ackedAt ?? 0) < before)
        .delete(),

    async rescheduleAll(now) {
      await db.outbox
        .where('[state+nextAttemptAt]')
        .between(['queued', now], ['queued', Dexie.maxKey], true, true)
        .modify({ nextAttemptAt: now });
    },
  };
}

/**
 * Images deleted in one transaction of a purge: small enough that a citizen's submission
 * never waits long behind one, large enough that slicing costs the purge next to nothing
 * (smaller slices made it slower on the drain bench; `npm run bench:sync` prints the purge).
 */
const PURGE_SLICE = 512;

/**
 * Deletes the attachments from `first` to `last` that are `doomed`: in one range when nothing
 * else came to lie between them since they were found (an image a new submission stored,
 * should its id sort there), else one by one.
 */
function purgeSlice(db: KioskDb, first: string, last: string, doomed: ReadonlySet<string>) {
  return db.transaction('rw', db.attachments, async () => {
    const range = db.attachments.where(':id').between(first, last, true, true);
    const keys = await range.primaryKeys();
    const gone = keys.filter((key) => doomed.has(key));
    if (gone.length === keys.length) await range.delete();
    else await db.attachments.bulkDelete(gone);
    return gone.length;
  });
}

/**
 * The attachments `ids` as one key range, when they are exactly the keys between the least
 * and the greatest of them. Time-ordered ids put a batch's images side by side, so a batch is
 * read in one request instead of one per image; when something else lies between them (an
 * older kiosk's random ids, a quarantined entry's images) there is no run.
 */
async function keyRun(db: KioskDb, ids: readonly string[]) {
  const sorted = [...ids].sort();
  const range = db.attachments.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true);
  const between = await range.primaryKeys();
  return between.length === new Set(sorted).size ? range : undefined;
}
