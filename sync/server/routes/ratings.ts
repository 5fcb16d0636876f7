import type { FastifyInstance } from 'fastify';
import { RatingBatch } from '../../protocol/ratings-exchange';
import { PATHS } from '../../protocol/routes';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { parseOr400 } from '../http-conventions';
import { receiveRatings } from '../ratings-intake';
import { KIOSK_ROUTE, kioskOf } from '../route-auth';

/** 好差评 from the kiosks, answered per rating. */
export function registerRatingRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock },
): void {
  const { db, clock } = deps;
  app.post(PATHS.ratings, KIOSK_ROUTE, async (request) => {
    const body = parseOr400(RatingBatch, request.body);
    return { results: await receiveRatings(db, clock, kioskOf(request).id, body.ratings) };
  });
}
