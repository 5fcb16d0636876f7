import type { FastifyInstance } from 'fastify';
import { AdvanceStatusRequest } from '../../protocol/operator';
import { PATHS } from '../../protocol/routes';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { fleet } from '../fleet-telemetry';
import { parseOr400 } from '../http-conventions';
import type { KioskRegistry } from '../kiosk-registry';
import { renderOperatorView } from '../operator-view';
import { ProblemError } from '../problem-error';
import { OPERATOR_ROUTE } from '../route-auth';
import type { StatusLedger } from '../status-ledger';

const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/** The operator's side: the fleet, status changes, revocation, and the loopback-only view. */
export function registerOperatorRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; registry: KioskRegistry; ledger: StatusLedger },
): void {
  const { db, clock, registry, ledger } = deps;

  app.get(PATHS.operatorFleet, OPERATOR_ROUTE, async () => fleet(db, clock));

  app.post<{ Params: { receiptOrId: string } }>(
    '/v1/operator/applications/:receiptOrId/status',
    OPERATOR_ROUTE,
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
    OPERATOR_ROUTE,
    async (request, reply) => {
      if (!(await registry.revoke(request.params.kioskId, clock.now())))
        throw new ProblemError('unknown-kiosk', 404, 'no such kiosk, or revoked already');
      request.log.info({ kioskId: request.params.kioskId }, 'kiosk revoked');
      return reply.code(204).send();
    },
  );

  // Masked, read-only, and still only for the machine itself: it lists receipt numbers.
  app.get('/', async (request, reply) => {
    if (!LOOPBACK.includes(request.ip))
      throw new ProblemError(
        'operator-unauthorized',
        403,
        'the operator view answers on loopback only',
      );
    return reply.type('text/html; charset=utf-8').send(await renderOperatorView(db, clock));
  });
}
