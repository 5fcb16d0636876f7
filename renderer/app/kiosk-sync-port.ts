// The kiosk's sync (sync/client/kiosk-sync.ts) seen through the screens' SyncPort: wire
// catalogue → view model, lookups → progress entries, a cached status for render.
import type { KioskSync, LookupResult } from '../../sync/client/kiosk-sync';
import { unknownSyncStatus } from '../../sync/client/sync-status';
import { catalogFromProtocol } from '../catalog/catalog-from-protocol';
import type { DeliveryState, ProgressEntry, SyncPort, SyncStatus } from './sync-port';

function progressEntries(result: LookupResult): ProgressEntry[] {
  if (result.source === 'platform') {
    return result.applications.map((a) => ({
      receiptNumber: a.receiptNumber,
      serviceCode: a.serviceCode,
      status: a.status,
      source: 'platform',
      updatedAt: a.updatedAt,
      ...(a.reason ? { reason: a.reason } : {}),
    }));
  }
  return result.applications.map((a) => ({
    receiptNumber: a.receiptNumber,
    serviceCode: a.serviceCode,
    status: a.status,
    source: 'local',
    updatedAt: typeof a.updatedAt === 'number' ? new Date(a.updatedAt).toISOString() : a.updatedAt,
    ...(a.delivery ? { delivery: a.delivery } : {}),
  }));
}

export async function kioskSyncPort(sync: KioskSync): Promise<SyncPort> {
  let current: SyncStatus = unknownSyncStatus(true);
  const statusHandlers = new Set<(s: SyncStatus) => void>();
  sync.onStatus((s) => {
    current = s;
    for (const h of statusHandlers) h(current);
  });
  // The first figures arrive when the database has opened; the attract screen does not wait.
  void sync.status().then(
    (first) => {
      current = first;
      for (const h of statusHandlers) h(current);
    },
    () => undefined,
  );

  return {
    ready: () => sync.ready(),
    submitApplication: (input) => sync.submitApplication(input),
    // An envelope that is gone was acknowledged and purged, or never existed: say neither.
    deliveryState: async (envelopeId) =>
      ((await sync.deliveryState(envelopeId)) ?? 'unknown') as DeliveryState,
    onDelivery: (handler) => sync.onDelivery(({ id, state }) => handler({ envelopeId: id, state })),
    catalog: async () => {
      const wire = await sync.catalog();
      return wire ? catalogFromProtocol(wire) : undefined;
    },
    onCatalog: (handler) => sync.onCatalog((wire) => handler(catalogFromProtocol(wire))),
    lookupByReceipt: async (n) => progressEntries(await sync.lookupByReceipt(n)),
    lookupByIdNumber: async (id) => progressEntries(await sync.lookupByIdNumber(id)),
    submitRating: (r) =>
      sync.submitRating({
        id: crypto.randomUUID(),
        applicationId: r.envelopeId,
        receiptNumber: r.receiptNumber,
        serviceCode: r.serviceCode,
        level: r.level,
        reasons: r.reasons,
        comment: r.comment ?? '',
        ratedAt: new Date().toISOString(),
      }),
    status: () => current,
    syncNow: async () => sync.syncNow(),
    onStatus: (handler) => {
      statusHandlers.add(handler);
      return () => statusHandlers.delete(handler);
    },
  };
}
