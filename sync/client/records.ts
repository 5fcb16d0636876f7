/**
 * Rows of the kiosk database besides the outbox. Plain data only: they are shared between
 * the renderer's main thread and the sync worker through IndexedDB.
 */

/** The cached catalogue: one row, replaced whole when the platform has a newer version. */
export interface CatalogRecord {
  id: 'current';
  version: string;
  etag?: string;
  fetchedAt: number;
  catalogue: unknown;
}

/** A rating or a telemetry record waiting to be pushed. No personal data. */
export interface SmallOutboxItem {
  id: string;
  state: 'queued' | 'sending';
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  payload: unknown;
  lastError?: string;
}

/** An application status pulled from the platform, found by receipt number or ID hash. */
export interface StatusRecord {
  id: string;
  idHash?: string;
  receiptNumber?: string;
  serviceCode?: string;
  state: string;
  updatedAt: string;
  detail?: unknown;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A batch on its way to the platform: written before it leaves, deleted after it settled. */
export interface FlightRecord {
  id: string;
  entryIds: string[];
  startedAt: number;
}
