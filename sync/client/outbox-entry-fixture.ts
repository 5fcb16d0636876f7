import type { Envelope } from '../protocol/envelope';
import type { OutboxAttachment, OutboxEntry } from './outbox-entry';

/**
 * An outbox entry with made-up ciphertext (a form of 151 characters), for tests of the
 * storage, the batching and the drain; its attachments declare `sizes` (97 bytes each unless
 * given).
 */
export function fakeEntry(
  id: string,
  createdAt: number,
  attachmentIds: string[] = [],
  sizes: number[] = attachmentIds.map(() => 97),
): OutboxEntry {
  const envelope: Envelope = {
    id,
    serviceCode: '000131128000',
    createdAt: new Date(createdAt).toISOString(),
    receiptNumber: 'K1-20250101-0001',
    idHash: 'A'.repeat(43),
    attachments: attachmentIds.map((aid, i) => ({
      id: aid,
      size: sizes[i]!,
      sha256: 'B'.repeat(43),
    })),
    enc: 'C'.repeat(87),
    ciphertext: 'D'.repeat(64),
  };
  return {
    id,
    serviceCode: envelope.serviceCode,
    receiptNumber: envelope.receiptNumber,
    idHash: envelope.idHash,
    createdAt,
    state: 'queued',
    attempts: 0,
    interruptions: 0,
    isolate: false,
    nextAttemptAt: createdAt,
    envelope,
    attachmentIds,
    bytes: JSON.stringify(envelope).length,
  };
}

/** The made-up sealed images an entry of `fakeEntry(envelopeId, _, attachmentIds, sizes)` declares. */
export function fakeAttachments(
  envelopeId: string,
  attachmentIds: readonly string[],
  sizes: readonly number[] = attachmentIds.map(() => 97),
): OutboxAttachment[] {
  return attachmentIds.map((id, i) => ({
    id,
    envelopeId,
    materialId: `m${i}`,
    sealed: new Uint8Array(sizes[i]!),
    sha256: 'B'.repeat(43),
    bytes: sizes[i]!,
    uploaded: false,
  }));
}
