import type { Collision } from './batch-item-result';
import type { PassedItem } from './intake-classify';

/** What the database holds that a batch's envelopes may collide with. */
export interface StoredNeighbours {
  applications: ReadonlyArray<{ id: string; receiptNumber: string; contentHash: string }>;
  attachmentIds: readonly string[];
}

/** Where a passed item goes: stored anew, answered as a duplicate, or refused as a conflict. */
export type Placement =
  { kind: 'new' } | { kind: 'duplicate' } | { kind: 'conflict'; collision: Collision };

/**
 * Places each passed item, in the batch's order, against what was stored before and against
 * the items of the batch placed before it: an envelope sent twice in one batch is stored once.
 */
export function findCollisions(input: {
  passed: readonly PassedItem[];
  stored: StoredNeighbours;
}): Placement[] {
  const byId = new Map(input.stored.applications.map((row) => [row.id, row]));
  const receipts = new Set(input.stored.applications.map((row) => row.receiptNumber));
  const attachments = new Set(input.stored.attachmentIds);
  return input.passed.map(({ checked }): Placement => {
    const { envelope, contentHash } = checked;
    const same = byId.get(envelope.id);
    if (same !== undefined)
      return same.contentHash === contentHash
        ? { kind: 'duplicate' }
        : { kind: 'conflict', collision: 'id-reused' };
    if (receipts.has(envelope.receiptNumber))
      return { kind: 'conflict', collision: 'receipt-taken' };
    if (envelope.attachments.some((a) => attachments.has(a.id)))
      return { kind: 'conflict', collision: 'attachment-taken' };
    for (const a of envelope.attachments) attachments.add(a.id);
    byId.set(envelope.id, { id: envelope.id, receiptNumber: envelope.receiptNumber, contentHash });
    receipts.add(envelope.receiptNumber);
    return { kind: 'new' };
  });
}
