// What the screens need of the sync engine (renderer/sync/kiosk-sync.ts), as an interface of
// the renderer's own, so that every screen runs against a fake in tests and screenshots.
import type { Catalog } from '../catalog/catalog-model';

export interface SubmissionMaterial {
  materialId: string;
  name: string;
  blob: Blob;
}

export interface MissingMaterial {
  materialId: string;
  name: string;
  /** ISO date by which the citizen promised to supply it. */
  deadline: string;
}

/** What the card says beyond the number, sealed with the application. */
export interface SubmissionIdentity {
  name?: string;
  sex?: 'male' | 'female';
  ethnicity?: string;
  birthDate?: string;
  address?: string;
  phone?: string;
}

export interface SubmissionInput {
  serviceCode: string;
  serviceName: string;
  form: Record<string, unknown>;
  idNumber: string;
  identity?: SubmissionIdentity;
  materials: SubmissionMaterial[];
  missing: MissingMaterial[];
  /** 告知承诺: materials the applicant's signed commitment stands in for. */
  promised?: Array<{ materialId: string; name: string }>;
}

export interface SubmissionResult {
  envelopeId: string;
  receiptNumber: string;
  kioskId: string;
  progressUrl: string;
}

/** Where a sealed application is: still in the outbox, or acknowledged by the platform. */
export type DeliveryState = 'queued' | 'sending' | 'acked' | 'quarantined' | 'unknown';

export interface DeliveryEvent {
  envelopeId: string;
  state: DeliveryState;
}

export interface SyncStatus {
  online: boolean;
  queueDepth: number;
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

export type BadRatingReason =
  | 'unclear-guidance'
  | 'inconvenient-procedure'
  | 'too-many-materials'
  | 'unfriendly-interface'
  | 'long-wait'
  | 'other';

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
  submitApplication(input: SubmissionInput): Promise<SubmissionResult>;
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
