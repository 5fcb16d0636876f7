import { z } from 'zod';

/**
 * The one picture of the kiosk's sync that every screen reads: the citizen's banner takes
 * `online` and `queueDepth`, the technician's panel the rest. A figure is null while unknown.
 */
export const SyncStatus = z.object({
  online: z.boolean(),
  /** Applications waiting in the outbox (queued or being sent). */
  queueDepth: z.number().int().nonnegative(),
  /** Age of the oldest waiting application; null when the queue is empty. */
  oldestAgeMs: z.number().nullable(),
  /** When the platform last acknowledged something (epoch ms). */
  lastSuccessAt: z.number().nullable(),
  /** The engine's last error, in words; never carries a citizen's data. */
  lastError: z.string().nullable(),
  /** Applications the platform rejected, set aside for a person to look at. */
  quarantined: z.number().int().nonnegative(),
  /** Whether the browser granted persistent storage (navigator.storage.persisted()). */
  persisted: z.boolean().nullable(),
  /** navigator.storage.estimate(), in bytes. */
  usage: z.number().nullable(),
  quota: z.number().nullable(),
  draining: z.boolean(),
  enrolled: z.boolean(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/**
 * The status before the engine has said anything. Whether to assume the link is up is the
 * reader's choice: the citizen's screens assume it is, so that no offline banner shows before
 * anything is known; the technician's panel assumes it is not, so that it never vouches for a
 * link nobody has checked.
 */
export function unknownSyncStatus(assumeOnline: boolean): SyncStatus {
  return {
    online: assumeOnline,
    queueDepth: 0,
    oldestAgeMs: null,
    lastSuccessAt: null,
    lastError: null,
    quarantined: 0,
    persisted: null,
    usage: null,
    quota: null,
    draining: false,
    enrolled: false,
  };
}
