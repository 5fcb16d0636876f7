import type { FastifyInstance } from 'fastify';
import { PATHS } from '../../protocol/routes';
import { StatusFeedQuery } from '../../protocol/status-feed';
import { parseOr400 } from '../http-conventions';
import { KIOSK_ROUTE, kioskOf } from '../route-auth';
import type { StatusLedger } from '../status-ledger';

/** The feed of status updates a kiosk pages through by cursor. */
export function registerStatusRoutes(app: FastifyInstance, deps: { ledger: StatusLedger }): void {
  const { ledger } = deps;
  app.get(PATHS.statusUpdates, KIOSK_ROUTE, async (request) => {
    const query = parseOr400(StatusFeedQuery, request.query);
    return ledger.feed(kioskOf(request).id, query);
  });
}
