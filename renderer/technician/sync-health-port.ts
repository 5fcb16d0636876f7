// What the technician console needs of the kiosk's sync (sync/client/kiosk-sync.ts), as an
// interface of its own so that the console runs against a fake in tests and the lead wires
// the real engine in one place. The screens' SyncPort has the same three members.
import type { SyncStatus } from '../../sync/client/sync-status';

export interface SyncHealthPort {
  status(): SyncStatus;
  onStatus(handler: (status: SyncStatus) => void): () => void;
  /** Wakes the engine now instead of at its next planned attempt. */
  syncNow(): Promise<void>;
}
