import type { FastifyInstance } from 'fastify';
import { PATHS } from '../../protocol/routes';
import type { CatalogStore } from '../catalog-store';
import { ProblemError } from '../problem-error';
import { KIOSK_ROUTE } from '../route-auth';

/** The current catalogue, with an ETag so that an unchanged one costs a 304. */
export function registerCatalogRoutes(
  app: FastifyInstance,
  deps: { catalogs: CatalogStore },
): void {
  const { catalogs } = deps;
  app.get(PATHS.catalog, KIOSK_ROUTE, async (request, reply) => {
    const current = await catalogs.current();
    if (current === undefined)
      throw new ProblemError('not-found', 404, 'no catalogue has been published');
    reply.header('etag', current.etag).header('cache-control', 'no-cache');
    const wanted = request.headers['if-none-match'];
    if (wanted !== undefined && wanted.split(',').some((tag) => tag.trim() === current.etag))
      return reply.code(304).send();
    return reply.type('application/json').send(current.json);
  });
}
