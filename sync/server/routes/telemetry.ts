import type { FastifyInstance } from 'fastify';
import { PATHS } from '../../protocol/routes';
import { TelemetryBatch } from '../../protocol/telemetry';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { storeHeartbeats } from '../fleet-telemetry';
import { parseOr400 } from '../http-conventions';
import { KIOSK_ROUTE, kioskOf } from '../route-auth';

/** The kiosks' heartbeats: device health and queue depth. */
export function registerTelemetryRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock },
): void {
  const { db, clock } = deps;
  app.post(PATHS.telemetry, KIOSK_ROUTE, async (request) => {
    const body = parseOr400(TelemetryBatch, request.body);
    return { stored: await storeHeartbeats(db, clock, kioskOf(request).id, body.heartbeats) };
  });
}
