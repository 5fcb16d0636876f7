/** What became of one envelope in one drain: the input of the outbox policy. */
export type DeliveryOutcome =
  /** The platform holds the envelope and all its attachments (`duplicate`: it had them). */
  | { kind: 'accepted'; platformNumber?: string }
  | { kind: 'duplicate'; platformNumber?: string }
  /** The platform looked at it and said no for good: quarantine, do not retry. */
  | { kind: 'rejected'; reason: string }
  /** The request as a whole was refused; the culprit is unknown until items go alone. */
  | { kind: 'batch-refused'; reason: string }
  /** Network, timeout, 5xx, 429, clock skew, attachments still missing: try again later. */
  | { kind: 'transient'; reason: string; retryAfterMs?: number };

/** The platform's per-item answer to a batch upload. */
export type EnvelopeAnswer =
  | { kind: 'stored'; duplicate: boolean; missingAttachments: string[]; platformNumber?: string }
  | { kind: 'rejected'; reason: string }
  | { kind: 'transient'; reason: string };
