import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { ApplicationStatus } from '../protocol/application-status';
import type { Fleet } from '../protocol/fleet';
import { MAX_BODY_BYTES } from '../protocol/intake';
import type { ApplicationProgress } from '../protocol/lookup';
import { fromBase64Url } from '../protocol/base64';
import { SIGNATURE_WINDOW_SECONDS } from '../protocol/http-signature';
import { AttachmentStore } from './attachment-store';
import { createAttachmentServer } from './attachment-uploads';
import { CatalogStore } from './catalog-store';
import { systemClock } from './clock';
import type { Clock } from './clock';
import type { Database } from './database';
import { createEnrolmentCode } from './enrolment-codes';
import { createEnvelopeCheckPool } from './envelope-check-pool';
import { fleet } from './fleet-telemetry';
import { installConventions } from './http-conventions';
import { KioskAuthenticator } from './kiosk-auth';
import { KioskRegistry } from './kiosk-registry';
import { migrate } from './migrations';
import { NonceStore } from './nonce-store';
import { openDatabase } from './open-database';
import { createOperatorToken } from './operator-tokens';
import { loadPlatformSecrets } from './platform-secrets';
import { installRouteAuth } from './route-auth';
import { registerApplicationRoutes } from './routes/applications';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerCatalogRoutes } from './routes/catalog';
import { registerEnrolmentRoutes } from './routes/enrolment';
import { registerLookupRoutes } from './routes/lookup';
import { registerOpenApiRoute } from './routes/openapi';
import { registerOperatorRoutes } from './routes/operator';
import { registerRatingRoutes } from './routes/ratings';
import { registerStatusRoutes } from './routes/status';
import { registerTelemetryRoutes } from './routes/telemetry';
import { StatusLedger } from './status-ledger';

export interface PlatformOptions {
  /** `sqlite:/path/file.db` or `postgres://…`; defaults to `sqlite:<dataDir>/platform.db`. */
  db?: string;
  dataDir?: string;
  /** base64url raw P-256 scalar; otherwise the key stored in the database (made on first start). */
  hpkePrivateKey?: string;
  clock?: Clock;
  /** Fastify logger options; off by default. Logs carry request ids, kiosk ids and receipt numbers only. */
  logger?: boolean | Record<string, unknown>;
  signatureWindowSeconds?: number;
  /** Seeds the demo catalogue when the database has none (default true). */
  seedDemoCatalog?: boolean;
  /**
   * Worker threads that open and check envelopes; 0 checks them on the event loop. Defaults
   * to one core's worth less than the host has (the event loop keeps one), none on one core.
   */
  intakeThreads?: number;
}

export interface PlatformOperator {
  createEnrolmentCode(ttlMs?: number): Promise<{ code: string; expiresAt: number }>;
  publishCatalog(catalog?: unknown): Promise<number>;
  advanceStatus(
    receiptOrAppId: string,
    status: ApplicationStatus,
    reason?: string,
  ): Promise<ApplicationProgress>;
  revokeKiosk(kioskId: string): Promise<boolean>;
  createOperatorToken(label?: string): Promise<string>;
  fleet(): Promise<Fleet>;
}

export interface Platform {
  app: ReturnType<typeof Fastify>;
  db: Database;
  listen(options: { port: number; host?: string }): Promise<string>;
  close(): Promise<void>;
  operator: PlatformOperator;
}

export async function createPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  const dbUrl = options.db ?? `sqlite:${join(options.dataDir ?? '.data', 'platform.db')}`;
  const db = openDatabase(dbUrl);
  await migrate(db);
  const secrets = await loadPlatformSecrets(db, options.hpkePrivateKey);
  const catalogs = new CatalogStore(db, clock);
  if (options.seedDemoCatalog ?? true) await catalogs.seedDemo();
  const registry = new KioskRegistry(db);
  const signatureWindowSeconds = options.signatureWindowSeconds ?? SIGNATURE_WINDOW_SECONDS;
  const auth = new KioskAuthenticator(
    registry,
    new NonceStore(db, signatureWindowSeconds * 1000),
    clock,
    signatureWindowSeconds,
  );
  const ledger = new StatusLedger(db, clock);
  const attachmentStore = new AttachmentStore(db);
  const tus = createAttachmentServer(db, attachmentStore, clock);
  const cores = availableParallelism();
  const checker = createEnvelopeCheckPool(
    {
      hpkePrivateRaw: fromBase64Url(secrets.hpkePrivateRaw),
      hpkePublicRaw: fromBase64Url(secrets.hpkePublicKey),
      lookupKey: Buffer.from(secrets.lookupKey, 'base64'),
    },
    options.intakeThreads ?? cores - 1,
  );

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    exposeHeadRoutes: false,
    requestIdHeader: 'x-request-id',
  });
  await installConventions(app, { key: secrets.signingKey, keyId: secrets.signingKeyId });

  installRouteAuth(app, { db, clock, auth });

  registerOpenApiRoute(app);
  registerEnrolmentRoutes(app, { db, clock, registry, secrets, signatureWindowSeconds });
  registerCatalogRoutes(app, { catalogs });
  registerApplicationRoutes(app, { db, clock, catalogs, checker });
  registerAttachmentRoutes(app, { tus });
  registerStatusRoutes(app, { ledger });
  registerLookupRoutes(app, { ledger });
  registerRatingRoutes(app, { db, clock });
  registerTelemetryRoutes(app, { db, clock });
  registerOperatorRoutes(app, { db, clock, registry, ledger });

  const operator: PlatformOperator = {
    createEnrolmentCode: (ttlMs) => createEnrolmentCode(db, clock.now(), ttlMs),
    publishCatalog: async (catalog) =>
      catalogs.publish(catalog ?? (await import('./demo-catalog')).DEMO_CATALOG),
    advanceStatus: (ref, status, reason) => ledger.advance(ref, status, reason),
    revokeKiosk: (kioskId) => registry.revoke(kioskId, clock.now()),
    createOperatorToken: (label) => createOperatorToken(db, clock.now(), label),
    fleet: () => fleet(db, clock),
  };

  let closed = false;
  return {
    app,
    db,
    operator,
    listen: async ({ port, host = '127.0.0.1' }) => app.listen({ port, host }),
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await checker.close();
      await db.close();
    },
  };
}
