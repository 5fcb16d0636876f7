import { applicationBackoff, fullJitterDelay, type BackoffPolicy } from './backoff';
import type { DeliveryOutcome } from './delivery-outcome';
import { batchBytes } from './inline-plan';
import type { OutboxEntry } from './outbox-entry';

/**
 * The outbox's state machine, pure: queued → sending → acked | quarantined, and back to
 * queued on any failure that is not the platform's definitive "no". There is no attempt
 * limit: a kiosk offline for a week still delivers when the link returns.
 */

export interface PolicyClock {
  now: number;
  random: () => number;
}

export function markSending(entry: OutboxEntry): OutboxEntry {
  if (entry.state !== 'queued') throw new Error(`cannot send an entry in state ${entry.state}`);
  return { ...entry, state: 'sending' };
}

export function applyOutcome(
  entry: OutboxEntry,
  outcome: DeliveryOutcome,
  clock: PolicyClock,
  backoff: BackoffPolicy = applicationBackoff,
): OutboxEntry {
  switch (outcome.kind) {
    case 'accepted':
    case 'duplicate': {
      // The sealed payload goes; the receipt metadata stays for offline lookup until retention.
      const { envelope: _dropped, ...rest } = entry;
      return {
        ...rest,
        state: 'acked',
        ackedAt: clock.now,
        attachmentIds: [],
        bytes: 0,
        isolate: false,
        ...(outcome.platformNumber ? { platformNumber: outcome.platformNumber } : {}),
      };
    }
    case 'rejected':
      return {
        ...entry,
        state: 'quarantined',
        quarantinedAt: clock.now,
        lastError: outcome.reason,
      };
    case 'batch-refused':
      // Alone, a refusal is the item's own; in company it may be a neighbour's.
      return {
        ...entry,
        state: 'queued',
        isolate: true,
        nextAttemptAt: clock.now,
        lastError: outcome.reason,
      };
    case 'transient': {
      const attempts = entry.attempts + 1;
      const delay = Math.max(
        fullJitterDelay(backoff, attempts, clock.random),
        outcome.retryAfterMs ?? 0,
      );
      return {
        ...entry,
        state: 'queued',
        attempts,
        nextAttemptAt: clock.now + delay,
        lastError: outcome.reason,
      };
    }
  }
}

/** A refusal of a batch of one is a definitive rejection of that item. */
export function outcomeForBatch(outcome: DeliveryOutcome, batchSize: number): DeliveryOutcome {
  if (outcome.kind === 'batch-refused' && batchSize === 1)
    return { kind: 'rejected', reason: outcome.reason };
  return outcome;
}

/**
 * An entry found in `sending` when the engine starts was cut off mid-flight. The platform
 * may or may not have it; resending is safe because the envelope id makes it idempotent.
 * It goes alone next time, after a pause, so an item that crashes the kiosk cannot keep the
 * rest of the queue waiting.
 */
export function recoverInterrupted(
  entry: OutboxEntry,
  clock: PolicyClock,
  backoff: BackoffPolicy = applicationBackoff,
): OutboxEntry {
  if (entry.state !== 'sending') return entry;
  const interruptions = entry.interruptions + 1;
  const delay = interruptions > 1 ? fullJitterDelay(backoff, interruptions - 1, clock.random) : 0;
  return {
    ...entry,
    state: 'queued',
    interruptions,
    isolate: interruptions > 1,
    nextAttemptAt: clock.now + delay,
  };
}

/** When the link returns, waiting out a long backoff only delays citizens' applications. */
export function rescheduleOnReconnect(entry: OutboxEntry, now: number): OutboxEntry {
  if (entry.state !== 'queued' || entry.nextAttemptAt <= now) return entry;
  return { ...entry, nextAttemptAt: now };
}

export interface BatchLimits {
  maxItems: number;
  /** Bytes of sealed forms and inline attachments in one batch body (see inline-plan.ts). */
  maxBytes: number;
}

export const defaultBatchLimits: BatchLimits = { maxItems: 50, maxBytes: 4 * 1024 * 1024 };

/**
 * Takes due entries, in order, until the batch is full by count or by the bytes of its
 * body: sealed forms and the attachments small enough to travel inline (`batchBytes`). An
 * entry under isolation travels alone. The first entry is always taken, however large, so
 * nothing is stuck.
 */
export function selectBatch(due: readonly OutboxEntry[], limits: BatchLimits): OutboxEntry[] {
  const first = due[0];
  if (!first) return [];
  if (first.isolate) return [first];
  const batch: OutboxEntry[] = [first];
  let bytes = batchBytes(first);
  for (const entry of due.slice(1)) {
    if (batch.length >= limits.maxItems) break;
    if (entry.isolate) continue;
    const size = batchBytes(entry);
    if (bytes + size > limits.maxBytes) break;
    batch.push(entry);
    bytes += size;
  }
  return batch;
}
