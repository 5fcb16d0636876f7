// What the technician console needs of the kiosk's outbox engine (renderer/sync/kiosk-sync.ts),
// as an interface of its own so that the console runs against a fake in tests and the lead
// wires the real engine in one place.

/** A snapshot of the sync engine's health. Every figure may be unknown while it starts. */
export interface SyncHealth {
  online: boolean;
  /** Applications waiting in the outbox (queued or being sent). */
  queueDepth: number;
  /** Age of the oldest waiting application; null when the queue is empty. */
  oldestAgeMs?: number | null;
  /** When the platform last acknowledged something: epoch ms or an ISO string. */
  lastSuccessAt?: number | string | null;
  /** The engine's last error, in words; never carries a citizen's data. */
  lastError?: string | null;
  /** Applications the platform rejected, set aside for a person to look at. */
  quarantined?: number;
  /** Whether the browser granted persistent storage (navigator.storage.persisted()). */
  persisted?: boolean | null;
  /** navigator.storage.estimate(), in bytes. */
  usage?: number | null;
  quota?: number | null;
}

export interface SyncHealthPort {
  status(): SyncHealth;
  onStatus(handler: (status: SyncHealth) => void): () => void;
  /** Wakes the engine now instead of at its next planned attempt. */
  syncNow(): Promise<void>;
}
