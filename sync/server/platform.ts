import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationStatus } from '../protocol/application-status';
import type { Fleet } from '../protocol/fleet';
import { EnrolmentRequest } from '../protocol/enrolment';
import type { EnrolmentResponse } from '../protocol/enrolment';
import { MAX_BATCH_BODY_BYTES, MAX_BODY_BYTES, UploadBatchRequest } from '../protocol/intake';
import type { MissingAttachmentsResponse } from '../protocol/intake';
import { LookupRequest } from '../protocol/lookup';
import type { ApplicationProgress } from '../protocol/lookup';
import { AdvanceStatusRequest } from '../protocol/operator';
import { buildOpenApiDocument } from '../protocol/openapi';
import { RatingBatch } from '../protocol/ratings-exchange';
import { PATHS } from '../protocol/routes';
import { HPKE_SUITE_NAME } from '../protocol/seal';
import { fromBase64Url } from '../protocol/base64';
import { BATCH_FORM_TYPE } from '../protocol/batch-form';
import { parseBatchForm } from './batch-form-parser';
import { createEnvelopeCheckPool } from './envelope-check-pool';
import { SIGNATURE_WINDOW_SECONDS } from '../protocol/http-signature';
import { StatusFeedQuery } from '../protocol/status-feed';
import { TelemetryBatch } from '../protocol/telemetry';
import { AttachmentStore } from './attachment-store';
import { KIOSK_HEADER, asProblem, createAttachmentServer } from './attachment-uploads';
import { CatalogStore } from './catalog-store';
import { systemClock } from './clock';
import type { Clock } from './clock';
import type { Database } from './database';
import { consumeEnrolmentCode, createEnrolmentCode } from './enrolment-codes';
import { fleet, storeHeartbeats, touchKiosk } from './fleet-telemetry';
import { installConventions, parseOr400, sendProblem } from './http-conventions';
import { receiveInline, receiveInlineBytes } from './inline-attachments';
import { missingAttachments, receiveBatch } from './intake';
import { KioskAuthenticator } from './kiosk-auth';
import { KioskRegistry, makeReceiptPrefix } from './kiosk-registry';
import type { KioskRecord } from './kiosk-registry';
import { migrate } from './migrations';
import { NonceStore } from './nonce-store';
import { openDatabase } from './open-database';
import { createOperatorToken, isOperatorToken } from './operator-tokens';
import { loadPlatformSecrets } from './platform-secrets';
import { ProblemError } from './problem-error';
import { receiveRatings } from './ratings-intake';
import { StatusLedger } from './status-ledger';
import { renderOperatorView } from './operator-view';

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

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: 'kiosk' | 'operator';
  }
  interface FastifyRequest {
    kiosk?: KioskRecord;
  }
}

const LAST_SEEN_INTERVAL_MS = 30_000;

export async function createPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  const dbUrl = options.db ?? `sqlite:${join(options.dataDir ?? '.data', 'platform.db')}`;
  const db = openDatabase(dbUrl);
  await migrate(db);
  const secrets = await loadPlatformSecrets(db, options.hpkePrivateKey);
  const catalogs = new CatalogStore(db, clock);
  if (options.seedDemoCatalog ?? true) await catalogs.seedDemo();
  const registry = new KioskRegistry(db);
  const windowSeconds = options.signatureWindowSeconds ?? SIGNATURE_WINDOW_SECONDS;
  const auth = new KioskAuthenticator(
    registry,
    new NonceStore(db, windowSeconds * 1000),
    clock,
    windowSeconds,
  );
  const ledger = new StatusLedger(db, clock);
  const attachmentStore = new AttachmentStore(db);
  const tus = createAttachmentServer(db, attachmentStore, clock);
  const openapi = JSON.stringify(buildOpenApiDocument());
  const cores = availableParallelism();
  const checker = createEnvelopeCheckPool(
    {
      hpkePrivateRaw: fromBase64Url(secrets.hpkePrivateRaw),
      hpkePublicRaw: fromBase64Url(secrets.hpkePublicKey),
      lookupKey: Buffer.from(secrets.lookupKey, 'base64'),
    },
    options.intakeThreads ?? cores - 1,
  );
  const lastTouched = new Map<string, number>();

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    exposeHeadRoutes: false,
    requestIdHeader: 'x-request-id',
  });
  await installConventions(app, { key: secrets.signingKey, keyId: secrets.signingKeyId });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const required = request.routeOptions.config.auth;
    if (required === 'kiosk') {
      const kiosk = await auth.authenticate({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.rawBody ?? new Uint8Array(),
      });
      request.kiosk = kiosk;
      request.log = request.log.child({ kioskId: kiosk.id });
      const now = clock.now();
      if (now - (lastTouched.get(kiosk.id) ?? 0) > LAST_SEEN_INTERVAL_MS) {
        lastTouched.set(kiosk.id, now);
        await touchKiosk(db, kiosk.id, now);
      }
    } else if (required === 'operator') {
      if (!(await isOperatorToken(db, request.headers.authorization)))
        throw new ProblemError(
          'operator-unauthorized',
          401,
          'send Authorization: Bearer <operator token>',
        );
    }
  });
  const kioskOf = (request: FastifyRequest): KioskRecord => request.kiosk!;
  const kioskRoute = { config: { auth: 'kiosk' as const } };
  const operatorRoute = { config: { auth: 'operator' as const } };

  app.get(PATHS.openapi, async (_request, reply) => reply.type('application/json').send(openapi));

  app.post(PATHS.enrolments, async (request, reply) => {
    const body = parseOr400(EnrolmentRequest, request.body);
    const kioskId = crypto.randomUUID();
    const receiptPrefix = makeReceiptPrefix();
    await db.transaction(async (tx) => {
      if (!(await consumeEnrolmentCode(tx, body.code, kioskId, clock.now()))) {
        throw new ProblemError('enrolment-code-invalid', 403, 'ask the operator for a new code');
      }
      await registry.insert(tx, {
        id: kioskId,
        publicJwk: body.publicKey,
        receiptPrefix,
        now: clock.now(),
        ...(body.label === undefined ? {} : { label: body.label }),
        ...(body.appVersion === undefined ? {} : { appVersion: body.appVersion }),
      });
    });
    request.log.info({ kioskId }, 'kiosk enrolled');
    const response: EnrolmentResponse = {
      kioskId,
      receiptPrefix,
      platformEncryptionKey: secrets.hpkePublicKey,
      hpkeSuite: HPKE_SUITE_NAME,
      platformSigningKey: secrets.signingPublicJwk,
      platformKeyId: secrets.signingKeyId,
      lookupKey: secrets.lookupKey,
      signatureWindowSeconds: windowSeconds,
    };
    return reply.code(201).send(response);
  });

  app.get(PATHS.catalog, kioskRoute, async (request, reply) => {
    const current = await catalogs.current();
    if (current === undefined)
      throw new ProblemError('not-found', 404, 'no catalogue has been published');
    reply.header('etag', current.etag).header('cache-control', 'no-cache');
    const wanted = request.headers['if-none-match'];
    if (wanted !== undefined && wanted.split(',').some((tag) => tag.trim() === current.etag))
      return reply.code(304).send();
    return reply.type('application/json').send(current.json);
  });

  app.post(
    PATHS.applicationsBatch,
    { ...kioskRoute, bodyLimit: MAX_BATCH_BODY_BYTES },
    async (request) => {
      const contentType = request.headers['content-type'] ?? '';
      const form = contentType.startsWith(BATCH_FORM_TYPE)
        ? await parseBatchForm(request.rawBody ?? Buffer.alloc(0), contentType)
        : undefined;
      const body = parseOr400(UploadBatchRequest, form ? form.batch : request.body);
      if (form && body.attachments !== undefined)
        throw new ProblemError(
          'invalid-request',
          400,
          'a multipart batch carries its attachments as parts, not in the batch JSON',
        );
      const inline = form ? receiveInlineBytes(form.attachments) : receiveInline(body.attachments);
      const kiosk = kioskOf(request);
      const current = await catalogs.current();
      const results = await receiveBatch(
        db,
        clock,
        request.log,
        kiosk.id,
        body.envelopes,
        checker,
        {
          receiptPrefix: kiosk.receiptPrefix,
          catalog: current,
          today: new Date(clock.now() + 8 * 3600_000).toISOString().slice(0, 10),
        },
        inline,
      );
      return { results };
    },
  );

  app.get<{ Params: { applicationId: string } }>(
    '/v1/applications/:applicationId/missing-attachments',
    kioskRoute,
    async (request) => {
      const { applicationId } = request.params;
      const owner = await db.query<{ kiosk_id: string }>(
        'SELECT kiosk_id FROM applications WHERE id = $1',
        [applicationId],
      );
      if (owner[0]?.kiosk_id !== kioskOf(request).id)
        throw new ProblemError('application-not-found', 404, 'no such application from this kiosk');
      const missing = await missingAttachments(db, [applicationId]);
      const response: MissingAttachmentsResponse = {
        applicationId,
        missing: missing.get(applicationId) ?? [],
      };
      return response;
    },
  );

  const viaTus = async (request: FastifyRequest, reply: FastifyReply) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && name !== KIOSK_HEADER)
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    headers.set(KIOSK_HEADER, kioskOf(request).id);
    const body =
      request.method === 'PATCH' ? new Uint8Array(request.rawBody ?? Buffer.alloc(0)) : undefined;
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      ...(body === undefined ? {} : { body, duplex: 'half' }),
    };
    const response = await tus.handleWeb(
      new Request(`http://platform.invalid${request.url}`, init),
    );
    const payload = Buffer.from(await response.arrayBuffer());
    if (response.status >= 400)
      return sendProblem(reply, asProblem(response.status, payload.toString('utf8')));
    response.headers.forEach((value, name) => {
      if (!name.startsWith('access-control-') && name !== 'content-length')
        reply.header(name, value);
    });
    return reply.code(response.status).send(payload);
  };
  app.post(PATHS.attachments, kioskRoute, viaTus);
  app.head('/v1/attachments/:attachmentId', kioskRoute, viaTus);
  app.patch('/v1/attachments/:attachmentId', kioskRoute, viaTus);

  app.get(PATHS.statusUpdates, kioskRoute, async (request) => {
    const query = parseOr400(StatusFeedQuery, request.query);
    return ledger.feed(kioskOf(request).id, query);
  });

  app.post(PATHS.lookup, kioskRoute, async (request) => {
    const body = parseOr400(LookupRequest, request.body);
    return {
      applications: await ledger.lookup(
        body.by === 'receipt' ? { receiptNumber: body.receiptNumber } : { idHash: body.idHash },
      ),
    };
  });

  app.post(PATHS.ratings, kioskRoute, async (request) => {
    const body = parseOr400(RatingBatch, request.body);
    return { results: await receiveRatings(db, clock, kioskOf(request).id, body.ratings) };
  });

  app.post(PATHS.telemetry, kioskRoute, async (request) => {
    const body = parseOr400(TelemetryBatch, request.body);
    return { stored: await storeHeartbeats(db, clock, kioskOf(request).id, body.heartbeats) };
  });

  app.get(PATHS.operatorFleet, operatorRoute, async () => fleet(db, clock));

  app.post<{ Params: { receiptOrId: string } }>(
    '/v1/operator/applications/:receiptOrId/status',
    operatorRoute,
    async (request) => {
      const body = parseOr400(AdvanceStatusRequest, request.body);
      const progress = await ledger.advance(request.params.receiptOrId, body.status, body.reason);
      request.log.info(
        { receiptNumber: progress.receiptNumber, status: progress.status },
        'status advanced',
      );
      return progress;
    },
  );

  app.post<{ Params: { kioskId: string } }>(
    '/v1/operator/kiosks/:kioskId/revoke',
    operatorRoute,
    async (request, reply) => {
      if (!(await registry.revoke(request.params.kioskId, clock.now())))
        throw new ProblemError('unknown-kiosk', 404, 'no such kiosk, or revoked already');
      request.log.info({ kioskId: request.params.kioskId }, 'kiosk revoked');
      return reply.code(204).send();
    },
  );

  // Masked, read-only, and still only for the machine itself: it lists receipt numbers.
  app.get('/', async (request, reply) => {
    if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.ip))
      throw new ProblemError(
        'operator-unauthorized',
        403,
        'the operator view answers on loopback only',
      );
    return reply.type('text/html; charset=utf-8').send(await renderOperatorView(db, clock));
  });

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
