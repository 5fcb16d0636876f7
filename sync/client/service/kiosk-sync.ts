import type { Catalog } from '../../protocol/catalog';
import { idHash } from '../../protocol/id-hash';
import { Rating } from '../../protocol/rating';
import { Heartbeat } from '../../protocol/telemetry';
import { sealSubmission, submissionBytes } from '../application-sealer';
import { storeSealedApplication } from '../dexie/application-intake';
import { enqueueSmall } from '../dexie/small-outbox-store';
import { DEFAULT_DB_NAME, KioskDb } from '../dexie/kiosk-db';
import { queueStats } from '../dexie/queue-stats';
import { nextReceiptNumber } from '../dexie/receipt-sequence';
import { HttpPlatform } from '../http-platform';
import { KioskHttp } from '../kiosk-http';
import type { KioskCredentials } from '../kiosk-credentials';
import type { DeliveryChange, KioskSync, LookupResult } from '../kiosk-sync';
import { admitApplication } from '../storage-admission';
import { SubmissionError } from '../submission-error';
import type { SyncStatus } from '../sync-status';
import { FromWorker, type EngineStateMessage, type ToWorker } from '../worker/worker-messages';
import { persistStorage, storageEstimate } from './browser-storage';
import { enrolKiosk, type EnrolmentOptions } from './enrolment';
import { Listeners } from './listeners';
import { localLookup } from './local-lookup';
import { startRuntime, type RuntimeKind } from './runtime-link';
import { CoalescingPublisher } from './status-publisher';

export interface KioskSyncOptions extends EnrolmentOptions {
  dbName?: string;
  /** `worker` (default in browsers) or `inline` (tests, and where workers are unavailable). */
  runtime?: RuntimeKind;
  /**
   * Resolves when the page may count the outbox for a status without delaying a citizen's
   * touch (the renderer's idle callback); at once by default.
   */
  whenIdle?: () => Promise<void>;
}

/** The kiosk's sync with its database open to callers that check the outbox directly. */
export interface KioskSyncService extends KioskSync {
  readonly db: KioskDb;
}

type LookupRequest = { by: 'receipt'; receiptNumber: string } | { by: 'idHash'; idHash: string };

/**
 * The renderer's handle on the outbox and the sync worker. Submission happens here, on the
 * main thread, so "submitted" is said only after the sealed envelope is durably on disk;
 * delivery happens in the worker.
 */
export function createKioskSync(options: KioskSyncOptions): KioskSyncService {
  const startedAt = Date.now();
  const db = new KioskDb(options.dbName ?? DEFAULT_DB_NAME);
  const http = new KioskHttp({ baseUrl: options.platformUrl });
  let credentials: KioskCredentials | undefined;
  let platform: HttpPlatform | undefined;
  let send: (message: ToWorker) => void = () => {};
  let engine: EngineStateMessage = {
    online: typeof navigator === 'undefined' || navigator.onLine !== false,
    draining: false,
  };
  let persisted: boolean | null = null;
  let workerError: string | undefined;
  const deliveryListeners = new Listeners<DeliveryChange>();
  const catalogListeners = new Listeners<Catalog>();
  const statusListeners = new Listeners<SyncStatus>();
  const statusPublisher = new CoalescingPublisher(
    status,
    (snapshot) => statusListeners.emit(snapshot),
    options.whenIdle ?? (() => Promise.resolve()),
    () => statusListeners.size > 0,
  );

  async function onWorkerMessage(data: unknown) {
    const parsed = FromWorker.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'delivery':
        for (const change of message.changes) deliveryListeners.emit(change);
        break;
      case 'catalog': {
        const current = await catalog();
        if (current) catalogListeners.emit(current);
        break;
      }
      case 'engine':
        engine = message.state;
        break;
      case 'fatal':
        workerError = message.message;
        break;
    }
    await statusPublisher.request();
  }

  async function status(): Promise<SyncStatus> {
    const [stats, estimate] = await Promise.all([queueStats(db, Date.now()), storageEstimate()]);
    return {
      online: engine.online,
      queueDepth: stats.queueDepth,
      oldestAgeMs: stats.oldestAgeMs,
      lastSuccessAt: engine.lastSuccessAt ?? null,
      lastError: engine.lastError ?? workerError ?? null,
      quarantined: stats.quarantined,
      persisted,
      usage: estimate.usage ?? null,
      quota: estimate.quota ?? null,
      draining: engine.draining,
      enrolled: credentials !== undefined,
    };
  }

  async function catalog(): Promise<Catalog | undefined> {
    return (await db.catalog.get('current'))?.catalogue as Catalog | undefined;
  }

  async function lookup(request: LookupRequest): Promise<LookupResult> {
    if (platform && engine.online) {
      try {
        return { source: 'platform', applications: (await platform.lookup(request)).applications };
      } catch {
        // Fall through to what this kiosk knows.
      }
    }
    const [index, value] =
      request.by === 'receipt'
        ? (['receiptNumber', request.receiptNumber] as const)
        : (['idHash', request.idHash] as const);
    const rows = await db.status.where(index).equals(value).toArray();
    const outbox = await db.outbox.where(index).equals(value).toArray();
    return localLookup(rows, outbox);
  }

  return {
    db,

    async ready(): Promise<void> {
      await db.open();
      persisted = await persistStorage();
      credentials = await enrolKiosk(db, http, options);
      if (credentials) {
        platform = new HttpPlatform(
          http.withIdentity({ kioskId: credentials.kioskId, signingKey: credentials.signingKey }),
        );
        send = startRuntime(
          options.runtime,
          { type: 'start', dbName: db.name, platformUrl: options.platformUrl },
          (data) => void onWorkerMessage(data),
        );
      }
      await statusPublisher.request();
    },

    async submitApplication(submission) {
      if (!credentials) throw new SubmissionError('NOT_ENROLLED');
      const admission = admitApplication(await storageEstimate(), submissionBytes(submission));
      if (!admission.ok) throw new SubmissionError('STORAGE_FULL');
      const now = new Date();
      const receiptNumber = await nextReceiptNumber(db, credentials.receiptPrefix, now);
      const service = (await catalog())?.services.find((s) => s.code === submission.serviceCode);
      const sealed = await sealSubmission(
        submission,
        credentials,
        receiptNumber,
        now.getTime(),
        service?.form,
      );
      await storeSealedApplication(db, sealed);
      send({ type: 'kick', force: false });
      void statusPublisher.request();
      return {
        envelopeId: sealed.entry.id,
        receiptNumber,
        kioskId: credentials.kioskId,
        progressUrl: new URL(
          `/progress?receipt=${encodeURIComponent(receiptNumber)}`,
          options.platformUrl,
        ).href,
      };
    },

    async deliveryState(envelopeId) {
      return (await db.outbox.get(envelopeId))?.state;
    },
    onDelivery: (handler) => deliveryListeners.add(handler),

    catalog,
    onCatalog: (handler) => catalogListeners.add(handler),

    lookupByReceipt: (receiptNumber) => lookup({ by: 'receipt', receiptNumber }),
    async lookupByIdNumber(idNumber) {
      if (!credentials) return { source: 'local', applications: [] };
      return lookup({ by: 'idHash', idHash: await idHash(credentials.lookupKey, idNumber) });
    },

    async recordHeartbeat(devices, appVersion) {
      const now = Date.now();
      const [stats, attachments, ratings, telemetry] = await Promise.all([
        queueStats(db, now),
        db.attachments.count(),
        db.ratings.count(),
        db.telemetry.count(),
      ]);
      const beat = Heartbeat.parse({
        at: new Date(now).toISOString(),
        appVersion: appVersion.slice(0, 40),
        uptimeSeconds: Math.max(0, Math.round((now - startedAt) / 1000)),
        queueDepth: { envelopes: stats.queueDepth, attachments, ratings, telemetry },
        devices,
      });
      await enqueueSmall(db, db.telemetry, beat, globalThis.crypto.randomUUID(), now);
      send({ type: 'kick', force: false });
    },

    async submitRating(rating) {
      const parsed = Rating.parse(rating);
      await enqueueSmall(db, db.ratings, parsed, parsed.id, Date.now());
      send({ type: 'kick', force: false });
    },

    status,
    syncNow(): void {
      send({ type: 'kick', force: true });
    },
    onStatus: (handler) => statusListeners.add(handler),

    async close(): Promise<void> {
      send({ type: 'stop' });
      db.close();
    },
  };
}
