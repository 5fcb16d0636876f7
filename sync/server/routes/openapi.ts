import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../../protocol/openapi';
import { PATHS } from '../../protocol/routes';

/** The protocol's own description, built once: it only changes with the code. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  const openapi = JSON.stringify(buildOpenApiDocument());
  app.get(PATHS.openapi, async (_request, reply) => reply.type('application/json').send(openapi));
}
