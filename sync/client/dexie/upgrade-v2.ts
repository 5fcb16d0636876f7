import type { Transaction } from 'dexie';
import type { OutboxAttachment, OutboxEntry } from '../outbox-entry';

/** An outbox row as version 1 wrote it: sealed images inline. */
export interface OutboxEntryV1 extends Omit<
  OutboxEntry,
  'attachmentIds' | 'bytes' | 'interruptions' | 'isolate'
> {
  attachments: Array<{ id: string; materialId: string; sealed: Uint8Array; sha256: string }>;
}

const PAGE = 20;

/**
 * v1 → v2: each inline sealed image becomes a row of `attachments`; the outbox row keeps
 * their ids and its byte count. Rows are moved a page at a time so that a kiosk with a long
 * offline queue does not need all its images in memory to upgrade. Images stay ciphertext
 * throughout: the kiosk never held the key to read them.
 */
export async function moveAttachmentsApart(tx: Transaction): Promise<void> {
  const outbox = tx.table<OutboxEntryV1 | OutboxEntry, string>('outbox');
  const attachments = tx.table<OutboxAttachment, string>('attachments');
  let after = '';
  for (;;) {
    const page = (await outbox.where(':id').above(after).limit(PAGE).toArray()) as OutboxEntryV1[];
    const last = page.at(-1);
    if (!last) return;
    after = last.id;
    const rows: OutboxAttachment[] = [];
    const entries: OutboxEntry[] = page.map(({ attachments: inline = [], ...rest }) => {
      const moved = inline.map((image) => ({
        ...image,
        envelopeId: rest.id,
        bytes: image.sealed.byteLength,
        uploaded: false,
      }));
      rows.push(...moved);
      return {
        ...rest,
        attachmentIds: moved.map((row) => row.id),
        bytes: envelopeBytes(rest.envelope) + moved.reduce((n, row) => n + row.bytes, 0),
        interruptions: 0,
        isolate: false,
      };
    });
    await attachments.bulkPut(rows);
    await outbox.bulkPut(entries);
  }
}

function envelopeBytes(envelope: OutboxEntry['envelope']): number {
  return envelope ? JSON.stringify(envelope).length : 0;
}
