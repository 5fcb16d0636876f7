import type { BatchItemResult } from '../protocol/intake';
import { problem } from '../protocol/problem';
import type { Problem } from '../protocol/problem';

/**
 * The answers a batch gives per item, built here only, so that the same outcome reads the
 * same from every place that decides it (envelopes and ratings alike).
 */

/** The id an answer echoes: the item's own when it has a readable one, cut to what a log holds. */
export function echoedId(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id.slice(0, 64) : undefined;
}

/** An item that failed its own checks; `item` is what came, readable or not. */
export function rejectedItem(
  index: number,
  item: unknown,
  itemProblem: Problem,
): { index: number; id?: string; outcome: 'rejected'; problem: Problem } {
  const id = echoedId(item);
  return { index, ...(id === undefined ? {} : { id }), outcome: 'rejected', problem: itemProblem };
}

/** An envelope that passed its checks, by what the answer names it. */
export interface ItemRef {
  index: number;
  id: string;
  receiptNumber: string;
}

/** What a checked envelope may collide with among the applications stored before it. */
export type Collision = 'id-reused' | 'receipt-taken' | 'attachment-taken';

const COLLISION_DETAIL: Record<Collision, string> = {
  'id-reused': 'an envelope with this id but other content was accepted before',
  'receipt-taken': 'this receipt number belongs to another application',
  'attachment-taken': 'an attachment id belongs to another application',
};

export function conflictItem(ref: ItemRef, collision: Collision): BatchItemResult {
  return {
    ...ref,
    outcome: 'conflict',
    problem: problem('invalid-request', 409, COLLISION_DETAIL[collision]),
  };
}

export function acceptedItem(ref: ItemRef, missingAttachments: string[]): BatchItemResult {
  return { ...ref, outcome: 'accepted', missingAttachments };
}

export function duplicateItem(ref: ItemRef, missingAttachments: string[]): BatchItemResult {
  return { ...ref, outcome: 'duplicate', missingAttachments };
}

/** How many items had each outcome, for the batch's log line. */
export function outcomeCounts(
  results: readonly BatchItemResult[],
): Record<BatchItemResult['outcome'], number> {
  const counts = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0 };
  for (const result of results) counts[result.outcome]++;
  return counts;
}
