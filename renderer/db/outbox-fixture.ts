import type { Envelope } from '../../sync/protocol/envelope';
import type { OutboxEntry } from '../../sync/client/outbox-entry';

/** An outbox entry with made-up ciphertext, for tests of the storage and the drain. */
export function fakeEntry(
  id: string,
  createdAt: number,
  attachmentIds: string[] = [],
): OutboxEntry {
  const envelope: Envelope = {
    id,
    serviceCode: '000131128000',
    createdAt: new Date(createdAt).toISOString(),
    receiptNumber: 'K1-20250101-0001',
    idHash: 'A'.repeat(43),
    attachments: attachmentIds.map((aid) => ({ id: aid, size: 97, sha256: 'B'.repeat(43) })),
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
