import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Server as TusServer } from '@tus/server';
import { PATHS } from '../../protocol/routes';
import { KIOSK_HEADER, asProblem } from '../attachment-uploads';
import { sendProblem } from '../http-conventions';
import { KIOSK_ROUTE, kioskOf } from '../route-auth';

/**
 * The tus routes of sealed attachments: Fastify authenticates the kiosk, then hands the
 * request to the tus server with the kiosk id in a header that a client cannot set.
 */
export function registerAttachmentRoutes(app: FastifyInstance, deps: { tus: TusServer }): void {
  const { tus } = deps;
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
  app.post(PATHS.attachments, KIOSK_ROUTE, viaTus);
  app.head('/v1/attachments/:attachmentId', KIOSK_ROUTE, viaTus);
  app.patch('/v1/attachments/:attachmentId', KIOSK_ROUTE, viaTus);
}
