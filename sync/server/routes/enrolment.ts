import type { FastifyInstance } from 'fastify';
import { EnrolmentRequest } from '../../protocol/enrolment';
import type { EnrolmentResponse } from '../../protocol/enrolment';
import { PATHS } from '../../protocol/routes';
import { HPKE_SUITE_NAME } from '../../protocol/seal';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { consumeEnrolmentCode } from '../enrolment-codes';
import { parseOr400 } from '../http-conventions';
import { makeReceiptPrefix } from '../kiosk-registry';
import type { KioskRegistry } from '../kiosk-registry';
import type { PlatformSecrets } from '../platform-secrets';
import { ProblemError } from '../problem-error';

/** A kiosk trades a one-time code for its id, its receipt prefix and the platform's keys. */
export function registerEnrolmentRoutes(
  app: FastifyInstance,
  deps: {
    db: Database;
    clock: Clock;
    registry: KioskRegistry;
    secrets: PlatformSecrets;
    signatureWindowSeconds: number;
  },
): void {
  const { db, clock, registry, secrets } = deps;
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
      signatureWindowSeconds: deps.signatureWindowSeconds,
    };
    return reply.code(201).send(response);
  });
}
