import { Dexie } from 'dexie';
import type { OutboxAttachment, OutboxEntry } from '../../sync/client/outbox-entry';
import type { OutboxStore } from '../../sync/client/outbox-store';
import type { KioskDb } from './kiosk-db';

/** The drain's view of the outbox, on the kiosk database. */
export function dexieOutboxStore(db: KioskDb): OutboxStore {
  return {
    interrupted: () =>
      db.outbox
        .where('[state+nextAttemptAt]')
        .between(['sending', Dexie.minKey], ['sending', Dexie.maxKey])
        .toArray(),

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

    attachments: (ids) => db.attachments.bulkGet(ids as string[]),

    async noteUpload(attachmentId, change) {
      await db.attachments.update(attachmentId, change as Partial<OutboxAttachment>);
    },

    async put(entries) {
      await db.transaction('rw', db.outbox, db.attachments, async () => {
        const acked = entries.filter((entry) => entry.state === 'acked').map((entry) => entry.id);
        // By primary key: a collection's delete() reads every sealed image it deletes.
        if (acked.length > 0)
          await db.attachments.bulkDelete(
            await db.attachments.where('envelopeId').anyOf(acked).primaryKeys(),
          );
        await db.outbox.bulkPut(entries as OutboxEntry[]);
      });
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
