import type { Catalog } from '../../sync/protocol/catalog';
import { EnrolmentCode } from '../../sync/protocol/enrolment';
import { idHash } from '../../sync/protocol/id-hash';
import type { ApplicationProgress } from '../../sync/protocol/lookup';
import { Rating, type RatingInput } from '../../sync/protocol/rating';
import { Heartbeat, type DeviceReport } from '../../sync/protocol/telemetry';
import {
  sealSubmission,
  submissionBytes,
  type ApplicationSubmission,
} from '../../sync/client/application-sealer';
import { HttpPlatform } from '../../sync/client/http-platform';
import { KioskHttp } from '../../sync/client/kiosk-http';
import {
  credentialsFromEnrolment,
  newSigningKeyPair,
  type KioskCredentials,
} from '../../sync/client/kiosk-credentials';
import type { DeliveryState } from '../../sync/client/outbox-entry';
import { admitApplication } from '../../sync/client/storage-admission';
import { SubmissionError } from '../../sync/client/submission-error';
import { storeSealedApplication } from '../db/application-intake';
import {
  loadCredentials,
  pendingSigningKey,
  savePendingSigningKey,
  saveCredentials,
} from '../db/credentials-store';
import { enqueueSmall } from '../db/dexie-small-outbox-store';
import { DEFAULT_DB_NAME, KioskDb } from '../db/kiosk-db';
import { queueStats } from '../db/queue-stats';
import { nextReceiptNumber } from '../db/receipt-sequence';
import { whenIdle } from '../app/after-paint';
import { createSyncRuntime } from './sync-runtime';
import { FromWorker, type EngineStateMessage, type ToWorker } from './worker-messages';

export interface KioskSyncOptions {
  platformUrl: string;
  enrolmentCode?: string;
  dbName?: string;
  /** `worker` (default in browsers) or `inline` (tests, and where workers are unavailable). */
  runtime?: 'worker' | 'inline';
  /** Where the kiosk stands, sent at enrolment (no personal data). */
  label?: string;
}

export interface SubmittedApplication {
  envelopeId: string;
  receiptNumber: string;
  kioskId: string;
  progressUrl: string;
}

export interface SyncStatus {
  online: boolean;
  queueDepth: number;
  oldestAgeMs: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  quarantined: number;
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  draining: boolean;
  enrolled: boolean;
}

export type ProgressSource = 'platform' | 'local';
export interface LocalProgress {
  receiptNumber: string;
  serviceCode: string;
  /** Platform status when known; otherwise where the envelope is on this kiosk. */
  status: string;
  delivery?: DeliveryState;
  updatedAt: number | string;
}
export type LookupResult =
  | { source: 'platform'; applications: ApplicationProgress[] }
  | { source: 'local'; applications: LocalProgress[] };

type Listener<T> = (value: T) => void;

/**
 * The renderer's handle on the outbox and the sync worker. Submission happens here, on the
 * main thread, so "submitted" is said only after the sealed envelope is durably on disk;
 * delivery happens in the worker.
 */
export function createKioskSync(options: KioskSyncOptions) {
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
  const deliveryListeners = new Set<Listener<{ id: string; state: DeliveryState }>>();
  const catalogListeners = new Set<Listener<Catalog>>();
  const statusListeners = new Set<Listener<SyncStatus>>();

  function subscribe<T>(set: Set<Listener<T>>, handler: Listener<T>): () => void {
    set.add(handler);
    return () => set.delete(handler);
  }

  async function enrol(): Promise<void> {
    credentials = await loadCredentials(db);
    if (credentials || !options.enrolmentCode) return;
    const code = EnrolmentCode.parse(options.enrolmentCode);
    const keys = (await pendingSigningKey(db)) ?? (await newSigningKeyPair());
    await savePendingSigningKey(db, keys);
    const response = await new HttpPlatform(http).enrol({
      code,
      publicKey: keys.publicJwk as { kty: 'EC'; crv: 'P-256'; x: string; y: string },
      ...(options.label ? { label: options.label } : {}),
    });
    credentials = await credentialsFromEnrolment(response, keys, options.platformUrl, Date.now());
    await saveCredentials(db, credentials);
  }

  async function onWorkerMessage(data: unknown) {
    const parsed = FromWorker.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'delivery':
        for (const change of message.changes) deliveryListeners.forEach((h) => h(change));
        break;
      case 'catalog': {
        const current = await catalog();
        if (current) catalogListeners.forEach((h) => h(current));
        break;
      }
      case 'engine':
        engine = message.state;
        break;
      case 'fatal':
        workerError = message.message;
        break;
    }
    await publishStatus();
  }

  function startRuntime() {
    const useWorker = options.runtime !== 'inline' && typeof Worker !== 'undefined';
    if (useWorker) {
      const worker = new Worker(new URL('./sync-worker.ts', import.meta.url), {
        type: 'module',
        name: 'budayang-sync',
      });
      worker.addEventListener('message', (event: MessageEvent) => void onWorkerMessage(event.data));
      send = (message) => worker.postMessage(message);
    } else {
      const runtime = createSyncRuntime((message) => void onWorkerMessage(message));
      send = (message) => void runtime.handle(message);
    }
    send({ type: 'start', dbName: db.name, platformUrl: options.platformUrl });
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => send({ type: 'link', up: true }));
      window.addEventListener('offline', () => send({ type: 'link', up: false }));
    }
  }

  async function storageEstimate(): Promise<{ usage?: number; quota?: number }> {
    if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return {};
    return navigator.storage.estimate();
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

  // The worker's messages come in bursts while it drains, and each status counts the outbox
  // on this thread: one count at a time, and one more after a burst, not one per message,
  // each when the page is idle rather than in the middle of a citizen's touch.
  let publishing: Promise<void> | undefined;
  let publishAgain = false;
  function publishStatus(): Promise<void> {
    if (statusListeners.size === 0) return Promise.resolve();
    if (publishing) {
      publishAgain = true;
      return publishing;
    }
    publishing = (async () => {
      do {
        publishAgain = false;
        await whenIdle();
        const snapshot = await status();
        statusListeners.forEach((h) => h(snapshot));
      } while (publishAgain);
    })().finally(() => {
      publishing = undefined;
    });
    return publishing;
  }

  async function catalog(): Promise<Catalog | undefined> {
    return (await db.catalog.get('current'))?.catalogue as Catalog | undefined;
  }

  function localLookup(
    rows: Array<{ receiptNumber?: string; serviceCode?: string; state: string; updatedAt: string }>,
    outbox: Array<{
      receiptNumber: string;
      serviceCode: string;
      state: DeliveryState;
      createdAt: number;
    }>,
  ): LookupResult {
    const known = new Set(rows.map((r) => r.receiptNumber));
    const applications: LocalProgress[] = [
      ...rows.map((r) => ({
        receiptNumber: r.receiptNumber ?? '',
        serviceCode: r.serviceCode ?? '',
        status: r.state,
        updatedAt: r.updatedAt,
      })),
      ...outbox
        .filter((e) => !known.has(e.receiptNumber))
        .map((e) => ({
          receiptNumber: e.receiptNumber,
          serviceCode: e.serviceCode,
          status: e.state === 'acked' ? 'submitted' : 'waiting-to-send',
          delivery: e.state,
          updatedAt: e.createdAt,
        })),
    ];
    return { source: 'local', applications };
  }

  async function lookup(
    request: { by: 'receipt'; receiptNumber: string } | { by: 'idHash'; idHash: string },
  ): Promise<LookupResult> {
    if (platform && engine.online) {
      try {
        return { source: 'platform', applications: (await platform.lookup(request)).applications };
      } catch {
        // Fall through to what this kiosk knows.
      }
    }
    if (request.by === 'receipt') {
      const rows = await db.status.where('receiptNumber').equals(request.receiptNumber).toArray();
      const outbox = await db.outbox.where('receiptNumber').equals(request.receiptNumber).toArray();
      return localLookup(rows, outbox);
    }
    const rows = await db.status.where('idHash').equals(request.idHash).toArray();
    const outbox = await db.outbox.where('idHash').equals(request.idHash).toArray();
    return localLookup(rows, outbox);
  }

  return {
    db,

    async ready(): Promise<void> {
      await db.open();
      if (typeof navigator !== 'undefined' && navigator.storage?.persist) {
        persisted = (await navigator.storage.persisted?.()) || (await navigator.storage.persist());
      }
      await enrol();
      if (credentials) {
        platform = new HttpPlatform(
          http.withIdentity({ kioskId: credentials.kioskId, signingKey: credentials.signingKey }),
        );
        startRuntime();
      }
      await publishStatus();
    },

    async submitApplication(submission: ApplicationSubmission): Promise<SubmittedApplication> {
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
      void publishStatus();
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

    async deliveryState(envelopeId: string): Promise<DeliveryState | undefined> {
      return (await db.outbox.get(envelopeId))?.state;
    },
    onDelivery: (handler: Listener<{ id: string; state: DeliveryState }>) =>
      subscribe(deliveryListeners, handler),

    catalog,
    onCatalog: (handler: Listener<Catalog>) => subscribe(catalogListeners, handler),

    lookupByReceipt: (receiptNumber: string) => lookup({ by: 'receipt', receiptNumber }),
    async lookupByIdNumber(idNumber: string): Promise<LookupResult> {
      if (!credentials) return { source: 'local', applications: [] };
      return lookup({ by: 'idHash', idHash: await idHash(credentials.lookupKey, idNumber) });
    },

    /** A heartbeat with the devices' health, for the platform's fleet view. */
    async recordHeartbeat(devices: DeviceReport[], appVersion: string): Promise<void> {
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

    async submitRating(rating: RatingInput): Promise<void> {
      const parsed = Rating.parse(rating);
      await enqueueSmall(db, db.ratings, parsed, parsed.id, Date.now());
      send({ type: 'kick', force: false });
    },

    status,
    syncNow(): void {
      send({ type: 'kick', force: true });
    },
    onStatus: (handler: Listener<SyncStatus>) => subscribe(statusListeners, handler),

    async close(): Promise<void> {
      send({ type: 'stop' });
      db.close();
    },
  };
}

export type KioskSync = ReturnType<typeof createKioskSync>;
