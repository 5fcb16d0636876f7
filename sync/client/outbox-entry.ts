import type { Envelope } from '../protocol/envelope';

/**
 * What the kiosk keeps about one application until the platform has it. Nothing in here is
 * readable personal data: the form and the material images are HPKE ciphertext to the
 * platform's key, the ID number only appears as a keyed hash.
 */
export type DeliveryState = 'queued' | 'sending' | 'acked' | 'quarantined';

export interface OutboxEntry {
  /** Envelope id (UUID): the platform's idempotency key. */
  id: string;
  serviceCode: string;
  receiptNumber: string;
  /** Keyed hash of the applicant's ID number, for offline progress lookup. */
  idHash: string;
  createdAt: number;
  state: DeliveryState;
  /** Failed attempts so far; never a reason to give up on an application. */
  attempts: number;
  /** Drains interrupted while this entry was being sent (crash, kill, power cut). */
  interruptions: number;
  /** After a batch failed as a whole, suspects are sent alone to find the poisoned one. */
  isolate: boolean;
  nextAttemptAt: number;
  lastError?: string;
  /** The sealed envelope as it travels; dropped once the platform has all of it. */
  envelope?: Envelope;
  attachmentIds: string[];
  /** Bytes held on disk for this entry (sealed envelope and attachments). */
  bytes: number;
  ackedAt?: number;
  /** 办件编号 the platform gave on acceptance, when it gives one. */
  platformNumber?: string;
  quarantinedAt?: number;
}

/** A sealed material image (`enc || ciphertext`), stored apart so a drain holds few at once. */
export interface OutboxAttachment {
  /** UUID, declared in the envelope header. */
  id: string;
  envelopeId: string;
  materialId: string;
  sealed: Uint8Array;
  bytes: number;
  /** base64url SHA-256 of `sealed`, as declared. */
  sha256: string;
  /** Where a resumable upload was created, so a restart continues instead of starting over. */
  uploadUrl?: string;
  uploaded: boolean;
}
