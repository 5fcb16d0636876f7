// What the screens need of the kiosk's sync (sync/client/kiosk-sync.ts) in the screens' own
// terms (the catalogue's view model, progress entries, a status read synchronously on each
// render), so that every screen runs against a fake in tests and screenshots. The submission
// and the status are the engine's own types: the review screen builds the submission.
import type { ApplicationSubmission } from '../../sync/client/application-sealer';
import type { SubmittedApplication } from '../../sync/client/kiosk-sync';
import type { DeliveryState as OutboxDeliveryState } from '../../sync/client/outbox-entry';
import type { SyncStatus } from '../../sync/client/sync-status';
import type { BadRatingReason } from '../../sync/protocol/rating';
import type { Catalog } from '../catalog/catalog-model';

export type { BadRatingReason, SyncStatus };

/** Where the outbox holds an envelope; `unknown` once it is gone (acknowledged and purged). */
export type DeliveryState = OutboxDeliveryState | 'unknown';

export interface DeliveryEvent {
  envelopeId: string;
  state: DeliveryState;
}

export interface ProgressEntry {
  receiptNumber: string;
  serviceCode: string;
  /** The platform's status code (sync/protocol/application-status.ts), when known. */
  status: string;
  /** Where the envelope is on this kiosk, for applications the platform has not yet. */
  delivery?: DeliveryState;
  /** 'platform' when the platform said it, 'local' while offline. */
  source: 'platform' | 'local';
  updatedAt: string;
  reason?: string;
}

export interface RatingInput {
  envelopeId: string;
  receiptNumber: string;
  serviceCode: string;
  level: 1 | 2 | 3 | 4 | 5;
  reasons: BadRatingReason[];
  comment?: string;
}

export interface SyncPort {
  ready(): Promise<void>;
  submitApplication(submission: ApplicationSubmission): Promise<SubmittedApplication>;
  deliveryState(envelopeId: string): Promise<DeliveryState>;
  onDelivery(handler: (event: DeliveryEvent) => void): () => void;
  catalog(): Promise<Catalog | undefined>;
  onCatalog(handler: (catalog: Catalog) => void): () => void;
  lookupByReceipt(receiptNumber: string): Promise<ProgressEntry[]>;
  lookupByIdNumber(idNumber: string): Promise<ProgressEntry[]>;
  submitRating(rating: RatingInput): Promise<void>;
  status(): SyncStatus;
  syncNow(): Promise<void>;
  onStatus(handler: (status: SyncStatus) => void): () => void;
}

/** submitApplication rejects with this when IndexedDB has no room left. */
export function isStorageFull(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'STORAGE_FULL'
  );
}
