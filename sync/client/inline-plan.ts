import { ATTACHMENT_PART_OVERHEAD } from '../protocol/batch-form';
import { MAX_INLINE_ATTACHMENT_BYTES } from '../protocol/intake';
import type { OutboxEntry } from './outbox-entry';

/** Bytes a sealed attachment of `size` bytes takes in the batch form: raw, plus its part. */
export function inlineBytes(size: number): number {
  return size + ATTACHMENT_PART_OVERHEAD;
}

/**
 * Bytes an entry adds to a batch body: its sealed form, and the attachments small enough to
 * travel inline. Batches are cut by this, so that their photos go with them in one request
 * and one platform commit, as PouchDB's _bulk_docs carries attachments.
 */
export function batchBytes(entry: OutboxEntry): number {
  const form = (entry.envelope?.ciphertext.length ?? 0) + (entry.envelope?.enc.length ?? 0);
  let inline = 0;
  for (const ref of entry.envelope?.attachments ?? [])
    if (ref.size <= MAX_INLINE_ATTACHMENT_BYTES) inline += inlineBytes(ref.size);
  return form + inline;
}

/**
 * The attachments of a batch that travel inline: in batch order, each small enough, while the
 * forms and the inline bytes stay within `maxBytes`. The rest (an entry alone over the budget,
 * a large scan) take the resumable upload once the platform holds their envelopes.
 */
export function planInline(batch: readonly OutboxEntry[], maxBytes: number): string[] {
  let used = 0;
  for (const entry of batch)
    used += (entry.envelope?.ciphertext.length ?? 0) + (entry.envelope?.enc.length ?? 0);
  const inline: string[] = [];
  for (const entry of batch) {
    const declared = new Set(entry.attachmentIds);
    for (const ref of entry.envelope?.attachments ?? []) {
      if (!declared.has(ref.id) || ref.size > MAX_INLINE_ATTACHMENT_BYTES) continue;
      const bytes = inlineBytes(ref.size);
      if (used + bytes > maxBytes) continue;
      used += bytes;
      inline.push(ref.id);
    }
  }
  return inline;
}
