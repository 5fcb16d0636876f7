import type { DeliveryOutcome, EnvelopeAnswer } from './delivery-outcome';
import { errorSummary } from './error-summary';
import type { OutboxAttachment, OutboxEntry } from './outbox-entry';

type RequestFailure = Extract<
  DeliveryOutcome,
  { kind: 'transient' | 'batch-refused' | 'rejected' }
>;

/** A failure of a whole request, with what it means for every item in it. */
export class DeliveryFailure extends Error {
  constructor(readonly outcome: RequestFailure) {
    super(outcome.reason);
    this.name = 'DeliveryFailure';
  }
}

/** What the drain needs from the platform; the HTTP client implements it, tests fake it. */
export interface PlatformPort {
  /**
   * Submits sealed envelopes, with `inline` attachments of theirs in the same request; answers
   * per item, and an inline attachment the platform stored is no longer among its entry's
   * missing ones. Throws for a failure of the whole request.
   */
  submitEnvelopes(
    entries: readonly OutboxEntry[],
    inline: readonly OutboxAttachment[],
  ): Promise<Map<string, EnvelopeAnswer>>;
  /**
   * Uploads one sealed attachment of an envelope the platform holds, resuming at
   * `attachment.uploadUrl` when there is one. `onUploadUrl` is awaited before any byte is
   * sent, so that a kill right after can resume. Throws DeliveryFailure (anything else is
   * taken as transient).
   */
  uploadAttachment(
    attachment: OutboxAttachment,
    onUploadUrl: (url: string) => Promise<void>,
  ): Promise<void>;
}

export function failureOutcome(error: unknown): RequestFailure {
  if (error instanceof DeliveryFailure) return error.outcome;
  return { kind: 'transient', reason: errorSummary(error, 'unknown error') };
}
