import type { FastifyInstance } from 'fastify';
import { LookupRequest } from '../../protocol/lookup';
import { PATHS } from '../../protocol/routes';
import { parseOr400 } from '../http-conventions';
import { KIOSK_ROUTE } from '../route-auth';
import type { StatusLedger } from '../status-ledger';

/** A citizen's progress, by receipt number or by the keyed hash of the ID number. */
export function registerLookupRoutes(app: FastifyInstance, deps: { ledger: StatusLedger }): void {
  const { ledger } = deps;
  app.post(PATHS.lookup, KIOSK_ROUTE, async (request) => {
    const body = parseOr400(LookupRequest, request.body);
    return {
      applications: await ledger.lookup(
        body.by === 'receipt' ? { receiptNumber: body.receiptNumber } : { idHash: body.idHash },
      ),
    };
  });
}
