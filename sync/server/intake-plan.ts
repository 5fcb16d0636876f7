import type { BatchItemResult } from '../protocol/intake';
import { acceptedItem, conflictItem } from './batch-item-result';
import type { ItemRef } from './batch-item-result';
import type { SqlValue } from './database';
import type { PassedItem } from './intake-classify';
import type { Placement } from './intake-collisions';

/** The tables a batch writes to, each with the columns its rows give, in order. */
export const INTAKE_TABLES = {
  applications: [
    'id',
    'envelope_hash',
    'kiosk_id',
    'service_code',
    'receipt_number',
    'id_hash',
    'created_at',
    'received_at',
    'content_hash',
    'content',
    'status',
    'updated_at',
  ],
  attachments: ['id', 'application_id', 'size', 'sha256', 'upload_offset', 'completed_at'],
  status_events: ['application_id', 'status', 'at'],
  attachment_chunks: ['attachment_id', 'chunk_offset', 'data'],
} as const;

export type IntakeRows = Record<keyof typeof INTAKE_TABLES, SqlValue[][]>;

export interface IntakePlan {
  rows: IntakeRows;
  /** The answers known before writing: accepted and conflicting items. */
  answered: BatchItemResult[];
  /** Items stored before: what they still lack is known only once the database is asked. */
  duplicates: PassedItem[];
}

export function itemRef({ index, checked }: PassedItem): ItemRef {
  return { index, id: checked.envelope.id, receiptNumber: checked.envelope.receiptNumber };
}

/**
 * The rows that store a batch's new items, and the answers that do not wait for the database.
 * An inline attachment is stored complete; any other starts empty for a tus upload.
 */
export function planInsert(input: {
  passed: readonly PassedItem[];
  placements: readonly Placement[];
  kioskId: string;
  now: number;
}): IntakePlan {
  const { kioskId, now } = input;
  const plan: IntakePlan = {
    rows: { applications: [], attachments: [], status_events: [], attachment_chunks: [] },
    answered: [],
    duplicates: [],
  };
  input.passed.forEach((item, i) => {
    const placement = input.placements[i]!;
    if (placement.kind === 'duplicate') return void plan.duplicates.push(item);
    if (placement.kind === 'conflict')
      return void plan.answered.push(conflictItem(itemRef(item), placement.collision));
    const { envelope, contentHash, contentJson } = item.checked;
    plan.rows.applications.push([
      envelope.id,
      item.fingerprint ?? null,
      kioskId,
      envelope.serviceCode,
      envelope.receiptNumber,
      envelope.idHash,
      envelope.createdAt,
      now,
      contentHash,
      contentJson,
      'submitted',
      now,
    ]);
    for (const a of envelope.attachments) {
      const data = item.inline.get(a.id);
      const completion = data === undefined ? [null, null] : [a.size, now];
      plan.rows.attachments.push([a.id, envelope.id, a.size, a.sha256, ...completion]);
      if (data !== undefined) plan.rows.attachment_chunks.push([a.id, 0, data]);
    }
    plan.rows.status_events.push([envelope.id, 'submitted', now]);
    plan.answered.push(
      acceptedItem(
        itemRef(item),
        envelope.attachments
          .map((a) => a.id)
          .filter((id) => !item.inline.has(id))
          .sort(),
      ),
    );
  });
  return plan;
}
