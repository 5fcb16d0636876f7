import type { DeliveryOutcome, EnvelopeAnswer } from './delivery-outcome';
import type { OutboxEntry } from './outbox-entry';
import {
  applyOutcome,
  defaultBatchLimits,
  markSending,
  outcomeForBatch,
  recoverInterrupted,
  selectBatch,
  type BatchLimits,
} from './outbox-policy';
import { planInline } from './inline-plan';
import type { OutboxStore } from './outbox-store';
import { failureOutcome, type PlatformPort } from './platform-port';

export interface DrainDeps {
  store: OutboxStore;
  platform: PlatformPort;
  now: () => number;
  random: () => number;
  limits?: BatchLimits;
  /** Attachments uploaded at once (default 8). */
  attachmentConcurrency?: number;
  /** Declared bytes of the attachments uploading at once (default 8 MiB): bounds the memory. */
  attachmentBytesInFlight?: number;
  /** Told of every entry whose state was written, after the write is durable. */
  onSettled?: (entries: readonly OutboxEntry[]) => void;
  signal?: AbortSignal;
}

const DEFAULT_ATTACHMENT_CONCURRENCY = 8;
const DEFAULT_ATTACHMENT_BYTES_IN_FLIGHT = 8 * 1024 * 1024;

export interface DrainReport {
  delivered: number;
  quarantined: number;
  retried: number;
  stoppedBy: 'empty' | 'transient' | 'aborted';
  lastError?: string;
}

/** Puts entries a killed drain left in `sending` back in the queue. Run once per start. */
export async function recoverOutbox(
  deps: Pick<DrainDeps, 'store' | 'now' | 'random' | 'onSettled'>,
): Promise<number> {
  const stuck = await deps.store.interrupted();
  if (stuck.length === 0) return 0;
  const recovered = stuck.map((entry) =>
    recoverInterrupted(entry, { now: deps.now(), random: deps.random }),
  );
  await deps.store.put(recovered);
  deps.onSettled?.(recovered);
  return recovered.length;
}

/**
 * Sends due entries batch by batch until none is due or the way to the platform fails.
 * An entry is marked `sending` durably before anything leaves, and only when the platform
 * holds the envelope and every attachment does it become `acked`; everything else puts it
 * back in the queue.
 */
export async function drain(deps: DrainDeps): Promise<DrainReport> {
  const limits = deps.limits ?? defaultBatchLimits;
  const report: DrainReport = { delivered: 0, quarantined: 0, retried: 0, stoppedBy: 'empty' };
  for (;;) {
    if (deps.signal?.aborted) return { ...report, stoppedBy: 'aborted' };
    const batch = selectBatch(await deps.store.due(deps.now(), limits.maxItems), limits);
    if (batch.length === 0) return report;

    const sending = batch.map(markSending);
    await deps.store.put(sending);
    deps.onSettled?.(sending);

    const outcomes = await deliverBatch(deps, sending, limits);
    const clock = { now: deps.now(), random: deps.random };
    const settled = sending.map((entry) =>
      applyOutcome(entry, outcomes.get(entry.id) ?? noAnswer, clock),
    );
    await deps.store.put(settled);
    deps.onSettled?.(settled);

    for (const entry of settled) {
      if (entry.state === 'acked') report.delivered += 1;
      else if (entry.state === 'quarantined') report.quarantined += 1;
      else report.retried += 1;
      if (entry.state !== 'acked' && entry.lastError) report.lastError = entry.lastError;
    }
    if ([...outcomes.values()].some((outcome) => outcome.kind === 'transient'))
      return { ...report, stoppedBy: 'transient' };
  }
}

const noAnswer: DeliveryOutcome = {
  kind: 'transient',
  reason: 'the platform did not answer for this envelope',
};

async function deliverBatch(
  deps: DrainDeps,
  batch: readonly OutboxEntry[],
  limits: BatchLimits,
): Promise<Map<string, DeliveryOutcome>> {
  const outcomes = new Map<string, DeliveryOutcome>();
  let answers: Map<string, EnvelopeAnswer>;
  try {
    // An attachment gone from the outbox is not sent; the platform then lists it as missing
    // and the upload step below says so.
    const inline = (await deps.store.attachments(planInline(batch, limits.maxBytes))).filter(
      (attachment) => attachment !== undefined,
    );
    answers = await deps.platform.submitEnvelopes(batch, inline);
  } catch (error) {
    const outcome = outcomeForBatch(failureOutcome(error), batch.length);
    for (const entry of batch) outcomes.set(entry.id, outcome);
    return outcomes;
  }
  const uploads: Array<{ entry: OutboxEntry; attachmentId: string }> = [];
  for (const entry of batch) {
    const answer = answers.get(entry.id);
    if (!answer) continue;
    if (answer.kind !== 'stored') {
      outcomes.set(entry.id, answer);
      continue;
    }
    const declared = new Set(entry.attachmentIds);
    const missing = answer.missingAttachments.filter((id) => declared.has(id));
    for (const attachmentId of missing) uploads.push({ entry, attachmentId });
    const platformNumber = answer.platformNumber ? { platformNumber: answer.platformNumber } : {};
    outcomes.set(entry.id, {
      kind: answer.duplicate ? 'duplicate' : 'accepted',
      ...platformNumber,
    });
  }
  const failures = await uploadAttachments(deps, uploads);
  for (const [id, failure] of failures) outcomes.set(id, failure);
  return outcomes;
}

/**
 * Uploads what the platform said is missing, several at a time so that the platform's
 * durable commits are shared between them; returns failures per entry. At most
 * `attachmentConcurrency` uploads and `attachmentBytesInFlight` bytes (the sizes the envelopes
 * declare) are held at once, except that one upload always may run, however large.
 */
async function uploadAttachments(
  deps: DrainDeps,
  work: ReadonlyArray<{ entry: OutboxEntry; attachmentId: string }>,
): Promise<Map<string, DeliveryOutcome>> {
  const failures = new Map<string, DeliveryOutcome>();
  const concurrency = Math.max(1, deps.attachmentConcurrency ?? DEFAULT_ATTACHMENT_CONCURRENCY);
  const byteBudget = deps.attachmentBytesInFlight ?? DEFAULT_ATTACHMENT_BYTES_IN_FLIGHT;
  let linkDown = false;
  let running = 0;
  let bytesInFlight = 0;
  let freed: () => void = () => {};

  const upload = async (entry: OutboxEntry, attachmentId: string): Promise<void> => {
    const attachment = await deps.store.attachment(attachmentId);
    if (!attachment) {
      failures.set(entry.id, {
        kind: 'rejected',
        reason: `attachment ${attachmentId} is missing from the outbox`,
      });
      return;
    }
    try {
      // No "uploaded" note: when the batch settles the entry is acked and its attachments
      // deleted, and after a kill the platform's missingAttachments says what is left.
      await deps.platform.uploadAttachment(attachment, (uploadUrl) =>
        deps.store.noteUpload(attachment.id, { uploadUrl }),
      );
    } catch (error) {
      const failure = failureOutcome(error);
      failures.set(entry.id, failure);
      if (failure.kind === 'transient') linkDown = true;
    }
  };

  const started: Array<Promise<void>> = [];
  for (const { entry, attachmentId } of work) {
    const size = declaredSize(entry, attachmentId);
    while (running > 0 && (running >= concurrency || bytesInFlight + size > byteBudget))
      await new Promise<void>((resolve) => (freed = resolve));
    if (failures.has(entry.id)) continue;
    // Once the link is down, the rest would only time out one by one.
    if (linkDown) {
      failures.set(entry.id, {
        kind: 'transient',
        reason: 'not tried: the link failed during this batch',
      });
      continue;
    }
    running += 1;
    bytesInFlight += size;
    started.push(
      upload(entry, attachmentId).finally(() => {
        running -= 1;
        bytesInFlight -= size;
        freed();
      }),
    );
  }
  await Promise.all(started);
  return failures;
}

/** What the envelope declares for an attachment; the sealed blob is read only once admitted. */
function declaredSize(entry: OutboxEntry, attachmentId: string): number {
  return entry.envelope?.attachments.find((ref) => ref.id === attachmentId)?.size ?? 0;
}
