import { HttpPlatform } from '../http-platform';
import { KioskHttp } from '../kiosk-http';
import { SyncEngine } from '../sync-engine';
import { loadCredentials } from '../dexie/credentials-store';
import { dexieCatalogCache, dexieStatusCache } from '../dexie/caches';
import { dexieOutboxStore } from '../dexie/outbox-store';
import { dexieSmallOutboxStore } from '../dexie/small-outbox-store';
import { KioskDb } from '../dexie/kiosk-db';
import { holdEngineLock } from './engine-lock';
import type { FromWorker, ToWorker } from './worker-messages';

/**
 * The sync engine on the kiosk database, driven by messages. The worker entry runs it in a
 * Web Worker; tests and environments without workers run it inline.
 */
export function createSyncRuntime(post: (message: FromWorker) => void) {
  let engine: SyncEngine | undefined;
  let db: KioskDb | undefined;
  let releaseLock: (() => void) | undefined;

  async function start(dbName: string, platformUrl: string) {
    releaseLock = await holdEngineLock(`budayang-sync:${dbName}`);
    db = new KioskDb(dbName);
    await db.open();
    const credentials = await loadCredentials(db);
    if (!credentials) {
      post({ type: 'fatal', message: 'NOT_ENROLLED' });
      return;
    }
    const http = new KioskHttp({ baseUrl: platformUrl }).withIdentity({
      kioskId: credentials.kioskId,
      signingKey: credentials.signingKey,
    });
    engine = new SyncEngine({
      outbox: dexieOutboxStore(db),
      ratings: dexieSmallOutboxStore(db.ratings),
      telemetry: dexieSmallOutboxStore(db.telemetry),
      catalog: dexieCatalogCache(db),
      status: dexieStatusCache(db),
      platform: new HttpPlatform(http),
      onDelivery: (entries) =>
        post({ type: 'delivery', changes: entries.map((e) => ({ id: e.id, state: e.state })) }),
      onCatalog: (version) => post({ type: 'catalog', version }),
      onState: (state) =>
        post({
          type: 'engine',
          state: {
            online: state.online,
            draining: state.draining,
            ...(state.lastSuccessAt !== undefined ? { lastSuccessAt: state.lastSuccessAt } : {}),
            ...(state.lastError !== undefined ? { lastError: state.lastError } : {}),
          },
        }),
    });
    await engine.start();
  }

  return {
    async handle(message: ToWorker): Promise<void> {
      switch (message.type) {
        case 'start':
          await start(message.dbName, message.platformUrl);
          return;
        case 'kick':
          engine?.kick(message.force);
          return;
        case 'link':
          if (message.up) engine?.linkUp();
          else engine?.linkDown();
          return;
        case 'stop':
          await engine?.stop();
          db?.close();
          releaseLock?.();
          releaseLock = undefined;
          return;
      }
    },
  };
}
