import type { DeliveryOutcome, EnvelopeAnswer } from './delivery-outcome';
import { DueEntries, EndedFlights, PurgeDebt, tallySettled, type DrainReport } from './drain-state';
import { errorSummary } from './error-summary';
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
import { UploadLimiter } from './upload-limiter';

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
  /**
   * Batches in flight at once (default 5): while the platform opens and commits one, the
   * kiosk reads, encodes and signs the next, and others wait their turn in IndexedDB, which
   * runs one transaction of a kind at a time. More in flight drained faster on the drain
   * bench (`npm run bench:sync`); the bodies in flight are ArrayBuffers, outside the JS heap.
   */
  batchesInFlight?: number;
  /**
   * Bytes of delivered entries whose attachments may wait on disk before the drain stops to
   * purge them (default 256 MiB); it purges in any case when it ends. Deleting from
   * IndexedDB costs about what reading did, so deleting each batch's images as it settled
   * slowed the drain itself; purging after it lets the drain run at the pace of reading and
   * uploading (`npm run bench:sync` prints both). The bytes were on disk before the drain anyway.
   */
  purgeAfterBytes?: number;
  /** Told of every entry whose state was written, after the write is durable. */
  onSettled?: (entries: readonly OutboxEntry[]) => void;
  signal?: AbortSignal;
}

const DEFAULT_ATTACHMENT_CONCURRENCY = 8;
const DEFAULT_ATTACHMENT_BYTES_IN_FLIGHT = 8 * 1024 * 1024;
const DEFAULT_BATCHES_IN_FLIGHT = 5;
const DEFAULT_PURGE_AFTER_BYTES = 256 * 1024 * 1024;

export type { DrainReport };

/**
 * Puts entries a killed drain left in `sending` back in the queue, and purges what it had
 * delivered and not yet purged. Run once per start.
 */
export async function recoverOutbox(
  deps: Pick<DrainDeps, 'store' | 'now' | 'random' | 'onSettled'>,
): Promise<number> {
  const stuck = await deps.store.interrupted();
  const recovered = stuck.map((entry) =>
    recoverInterrupted(entry, { now: deps.now(), random: deps.random }),
  );
  // Every flight is over now, also those whose entries had all settled.
  await deps.store.put(recovered, 'all');
  if (recovered.length > 0) deps.onSettled?.(recovered);
  await deps.store.purgeDelivered();
  return recovered.length;
}

/**
 * Sends due entries batch by batch until none is due or the way to the platform fails.
 * A batch's flight is noted durably before anything leaves, and only when the platform
 * holds the envelope and every attachment does it become `acked`; everything else puts it
 * back in the queue. Up to `batchesInFlight` batches travel at once; they never share an
 * entry, since a batch is taken only from entries still `queued`.
 */
export async function drain(deps: DrainDeps): Promise<DrainReport> {
  const limits = deps.limits ?? defaultBatchLimits;
  const depth = Math.max(1, deps.batchesInFlight ?? DEFAULT_BATCHES_IN_FLIGHT);
  const uploads = new UploadLimiter(
    Math.max(1, deps.attachmentConcurrency ?? DEFAULT_ATTACHMENT_CONCURRENCY),
    deps.attachmentBytesInFlight ?? DEFAULT_ATTACHMENT_BYTES_IN_FLIGHT,
  );
  let report: DrainReport = { delivered: 0, quarantined: 0, retried: 0, stoppedBy: 'empty' };
  let stop: DrainReport['stoppedBy'] | undefined;
  let empty = false;
  let failure: unknown;
  const inFlight = new Set<Promise<void>>();
  const due = new DueEntries();
  const ended = new EndedFlights();
  const debt = new PurgeDebt(deps.purgeAfterBytes ?? DEFAULT_PURGE_AFTER_BYTES);
  // The purge running, if one is.
  let purging: Promise<void> | undefined;
  const purge = () => {
    if (purging) return purging;
    debt.clear();
    purging = deps.store
      .purgeDelivered()
      .then(
        () => undefined,
        // What is delivered stays delivered: the next purge (the next drain's, or recovery's)
        // takes what this one left.
        (error: unknown) => {
          report.lastError = `purging delivered attachments: ${errorSummary(error, 'storage error')}`;
        },
      )
      .finally(() => (purging = undefined));
    return purging;
  };

  // Selecting and noting a batch is one step at a time, so two never take the same entry.
  const startBatch = async (): Promise<boolean> => {
    const readLimit = due.readLimit(limits.maxItems);
    if (readLimit !== undefined) due.readAhead(await deps.store.due(deps.now(), readLimit));
    const batch = selectBatch(due.waiting, limits);
    if (batch.length === 0) return false;
    const taken = due.take(batch);
    const flightId = await deps.store.beginFlight([...taken], ended.takeAll());
    const sending = batch.map(markSending);
    deps.onSettled?.(sending);
    const flight: Promise<void> = (async () => {
      const outcomes = await deliverBatch(deps, sending, limits, uploads);
      const clock = { now: deps.now(), random: deps.random };
      const settled = sending.map((entry) =>
        applyOutcome(entry, outcomes.get(entry.id) ?? noAnswer, clock),
      );
      await deps.store.put(settled);
      ended.note(flightId);
      due.land(
        taken,
        settled.some((entry) => entry.state === 'queued'),
      );
      deps.onSettled?.(settled);
      const tally = tallySettled(report, sending, settled);
      report = tally.report;
      if (tally.acked > 0) debt.owe(tally.ackedBytes);
      if ([...outcomes.values()].some((outcome) => outcome.kind === 'transient'))
        stop ??= 'transient';
      if (debt.due) await purge();
    })()
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(flight));
    inFlight.add(flight);
    return true;
  };

  for (;;) {
    if (deps.signal?.aborted) stop ??= 'aborted';
    if (failure === undefined && stop === undefined && !empty && inFlight.size < depth) {
      try {
        empty = !(await startBatch());
      } catch (error) {
        failure = error;
      }
      continue;
    }
    if (inFlight.size === 0) break;
    await Promise.race(inFlight);
    // A settled batch may have made entries due again (those a refused batch isolates).
    empty = false;
  }
  if (failure === undefined && ended.any) {
    try {
      await deps.store.endFlights(ended.takeAll());
    } catch (error) {
      failure = error;
    }
  }
  await purging;
  // Told to stop (the kiosk is closing): the next start's recovery purges instead.
  if (failure === undefined && debt.pending && stop !== 'aborted') await purge();
  // A store that fails is no answer from the platform: the caller sees it as before.
  if (failure !== undefined) throw failure;
  return stop === undefined ? report : { ...report, stoppedBy: stop };
}

const noAnswer: DeliveryOutcome = {
  kind: 'transient',
  reason: 'the platform did not answer for this envelope',
};

async function deliverBatch(
  deps: DrainDeps,
  batch: readonly OutboxEntry[],
  limits: BatchLimits,
  limiter: UploadLimiter,
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
  const failures = await uploadAttachments(deps, uploads, limiter);
  for (const [id, failure] of failures) outcomes.set(id, failure);
  return outcomes;
}

/**
 * Uploads what the platform said is missing, several at a time (as the limiter allows) so
 * that the platform's durable commits are shared between them; returns failures per entry.
 */
async function uploadAttachments(
  deps: DrainDeps,
  work: ReadonlyArray<{ entry: OutboxEntry; attachmentId: string }>,
  limiter: UploadLimiter,
): Promise<Map<string, DeliveryOutcome>> {
  const failures = new Map<string, DeliveryOutcome>();
  let linkDown = false;

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
    await limiter.acquire(size);
    if (failures.has(entry.id) || linkDown) {
      limiter.release(size);
      // Once the link is down, the rest would only time out one by one.
      if (!failures.has(entry.id))
        failures.set(entry.id, {
          kind: 'transient',
          reason: 'not tried: the link failed during this batch',
        });
      continue;
    }
    started.push(upload(entry, attachmentId).finally(() => limiter.release(size)));
  }
  await Promise.all(started);
  return failures;
}

/** What the envelope declares for an attachment; the sealed blob is read only once admitted. */
function declaredSize(entry: OutboxEntry, attachmentId: string): number {
  return entry.envelope?.attachments.find((ref) => ref.id === attachmentId)?.size ?? 0;
}
