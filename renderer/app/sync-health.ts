import { unknownSyncStatus, type SyncStatus } from '../../sync/client/sync-status';
import type { SyncHealthPort } from '../technician/sync-health-port';
import type { KioskSync } from '../../sync/client/kiosk-sync';

/**
 * The technician console reads the engine's health synchronously; the engine answers
 * asynchronously. Keep the last snapshot, refreshed on every change and once a second while
 * someone watches, and not at all while nobody does: each refresh counts the outbox in
 * IndexedDB on the page's thread, which a citizen's touches should not wait behind.
 */
export function syncHealthOf(sync: KioskSync): SyncHealthPort {
  let current: SyncStatus = unknownSyncStatus(false);
  const handlers = new Set<(s: SyncStatus) => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let offEngine: (() => void) | undefined;
  const publish = (s: SyncStatus) => {
    current = s;
    for (const h of handlers) h(s);
  };
  const refresh = () => void sync.status().then(publish, () => undefined);
  refresh();
  return {
    status: () => current,
    onStatus(handler) {
      handlers.add(handler);
      offEngine ??= sync.onStatus(publish);
      timer ??= setInterval(refresh, 1000);
      refresh();
      return () => {
        handlers.delete(handler);
        if (handlers.size === 0) {
          clearInterval(timer);
          timer = undefined;
          offEngine?.();
          offEngine = undefined;
        }
      };
    },
    syncNow: async () => sync.syncNow(),
  };
}
