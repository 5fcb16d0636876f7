import type { Catalog } from '../../protocol/catalog';
import type { StatusUpdate } from '../../protocol/status-feed';
import type { CatalogCache, StatusCache } from '../sync-engine';
import type { KioskDb } from './kiosk-db';

const STATUS_CURSOR = 'statusCursor';

export function dexieCatalogCache(db: KioskDb, now: () => number = Date.now): CatalogCache {
  return {
    async version() {
      const row = await db.catalog.get('current');
      return row ? Number(row.version) : undefined;
    },
    async save(catalog: Catalog, etag: string) {
      await db.catalog.put({
        id: 'current',
        version: String(catalog.version),
        etag,
        fetchedAt: now(),
        catalogue: catalog,
      });
    },
  };
}

/** Status updates land keyed by application, with the cursor in the same transaction. */
export function dexieStatusCache(db: KioskDb): StatusCache {
  return {
    async cursor() {
      const row = await db.meta.get(STATUS_CURSOR);
      return typeof row?.value === 'string' ? row.value : '0';
    },
    async apply(updates: readonly StatusUpdate[], cursor: string) {
      await db.transaction('rw', db.status, db.meta, async () => {
        await db.status.bulkPut(
          updates.map((u) => ({
            id: u.applicationId,
            idHash: u.idHash,
            receiptNumber: u.receiptNumber,
            serviceCode: u.serviceCode,
            state: u.status,
            updatedAt: u.at,
            ...(u.reason ? { detail: { reason: u.reason } } : {}),
          })),
        );
        await db.meta.put({ key: STATUS_CURSOR, value: cursor });
      });
    },
  };
}
