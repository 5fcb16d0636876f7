// The screens' SyncPort from the first paint on, before the sync engine's code (Dexie, the
// worker, the sealer) has loaded: calls wait for the engine, subscriptions are passed on
// when it is there, and the status says "online" until the engine knows better, so that no
// offline banner shows before anything is known.
import { unknownSyncStatus } from '../../sync/client/sync-status';
import { laterSubscription, lateValue, type LateValue } from './late-value';
import type { SyncPort, SyncStatus } from './sync-port';

const UNKNOWN_STATUS: SyncStatus = unknownSyncStatus(true);

export interface PendingSyncPort {
  port: SyncPort;
  resolve(real: SyncPort): void;
}

export function pendingSyncPort(): PendingSyncPort {
  const real: LateValue<SyncPort> = lateValue();
  const later = async () => real.promise();
  const port: SyncPort = {
    ready: async () => (await later()).ready(),
    submitApplication: async (input) => (await later()).submitApplication(input),
    deliveryState: async (envelopeId) => (await later()).deliveryState(envelopeId),
    onDelivery: (handler) => laterSubscription(real, (p) => p.onDelivery(handler)),
    catalog: async () => (await later()).catalog(),
    onCatalog: (handler) => laterSubscription(real, (p) => p.onCatalog(handler)),
    lookupByReceipt: async (n) => (await later()).lookupByReceipt(n),
    lookupByIdNumber: async (id) => (await later()).lookupByIdNumber(id),
    submitRating: async (rating) => (await later()).submitRating(rating),
    status: () => real.current()?.status() ?? UNKNOWN_STATUS,
    syncNow: async () => (await later()).syncNow(),
    onStatus: (handler) =>
      laterSubscription(real, (p) => {
        handler(p.status());
        return p.onStatus(handler);
      }),
  };
  return { port, resolve: (p) => real.set(p) };
}
