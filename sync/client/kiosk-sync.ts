import type { Catalog } from '../protocol/catalog';
import type { ApplicationProgress } from '../protocol/lookup';
import type { RatingInput } from '../protocol/rating';
import type { DeviceReport } from '../protocol/telemetry';
import type { ApplicationSubmission } from './application-sealer';
import type { DeliveryState } from './outbox-entry';
import type { SyncStatus } from './sync-status';

/** What the citizen's receipt is printed from once the sealed application is on disk. */
export interface SubmittedApplication {
  envelopeId: string;
  receiptNumber: string;
  kioskId: string;
  progressUrl: string;
}

export interface DeliveryChange {
  id: string;
  state: DeliveryState;
}

export type ProgressSource = 'platform' | 'local';
export interface LocalProgress {
  receiptNumber: string;
  serviceCode: string;
  /** Platform status when known; otherwise where the envelope is on this kiosk. */
  status: string;
  delivery?: DeliveryState;
  updatedAt: number | string;
}
export type LookupResult =
  | { source: 'platform'; applications: ApplicationProgress[] }
  | { source: 'local'; applications: LocalProgress[] };

/**
 * The kiosk's side of sync as the renderer sees it: the outbox, the engine that drains it and
 * what the kiosk knows offline. Submission happens on the caller's thread, so "submitted" is
 * said only after the sealed envelope is durably on disk; delivery happens in the engine.
 */
export interface KioskSync {
  /** Opens the database, enrols on first start and starts the engine. */
  ready(): Promise<void>;
  submitApplication(submission: ApplicationSubmission): Promise<SubmittedApplication>;
  /** Undefined once an envelope is gone: acknowledged and purged, or never there. */
  deliveryState(envelopeId: string): Promise<DeliveryState | undefined>;
  onDelivery(handler: (change: DeliveryChange) => void): () => void;
  catalog(): Promise<Catalog | undefined>;
  onCatalog(handler: (catalog: Catalog) => void): () => void;
  lookupByReceipt(receiptNumber: string): Promise<LookupResult>;
  lookupByIdNumber(idNumber: string): Promise<LookupResult>;
  /** A heartbeat with the devices' health, for the platform's fleet view. */
  recordHeartbeat(devices: DeviceReport[], appVersion: string): Promise<void>;
  submitRating(rating: RatingInput): Promise<void>;
  status(): Promise<SyncStatus>;
  /** Wakes the engine now instead of at its next planned attempt. */
  syncNow(): void;
  onStatus(handler: (status: SyncStatus) => void): () => void;
  close(): Promise<void>;
}
