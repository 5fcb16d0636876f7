import cors from '@fastify/cors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { contentDigest } from '../protocol/content-digest';
import { RESPONSE_COMPONENTS, signMessage } from '../protocol/http-signature';
import { BATCH_FORM_TYPE } from '../protocol/batch-form';
import { MAX_BATCH_BODY_BYTES, MAX_BODY_BYTES } from '../protocol/intake';
import { PATHS } from '../protocol/routes';
import { MAX_ATTACHMENT_BYTES } from '../protocol/envelope';
import { problem, PROBLEM_CONTENT_TYPE } from '../protocol/problem';
import type { Problem } from '../protocol/problem';
import { ProblemError } from './problem-error';

/**
 * What every route shares: raw bodies kept for Content-Digest, problem+json for every error,
 * CORS for kiosks on other origins, and a signature on every response.
 */

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(p));
}

/** Parses with a zod schema or throws a 400 problem listing the paths (never the values). */
export function parseOr400<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ProblemError(
    'invalid-request',
    400,
    'the body does not match the schema',
    result.error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

export async function installConventions(
  app: FastifyInstance,
  signing: { key: CryptoKey; keyId: string },
): Promise<void> {
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
    exposedHeaders: [
      'Date',
      'ETag',
      'Location',
      'Content-Digest',
      'Signature',
      'Signature-Input',
      'Upload-Offset',
      'Upload-Length',
      'Tus-Resumable',
      'Tus-Version',
      'Tus-Max-Size',
      'Tus-Extension',
    ],
    maxAge: 600,
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', 'application/problem+json'],
    { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES },
    (request, body: Buffer, done) => {
      request.rawBody = body;
      if (body.byteLength === 0) return done(null, undefined);
      try {
        done(null, JSON.parse(body.toString('utf8')));
      } catch {
        done(new ProblemError('malformed-json', 400, 'the body is not valid JSON'), undefined);
      }
    },
  );
  app.addContentTypeParser(
    'application/offset+octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 },
    (request, body: Buffer, done) => {
      request.rawBody = body;
      done(null, body);
    },
  );
  // Only the batch upload takes a form; it is read there, once the signature over these raw
  // bytes has been checked (sync/server/batch-form-parser.ts).
  app.addContentTypeParser(
    BATCH_FORM_TYPE,
    { parseAs: 'buffer', bodyLimit: MAX_BATCH_BODY_BYTES },
    (request, body: Buffer, done) => {
      if (request.routeOptions.url !== PATHS.applicationsBatch)
        return done(
          new ProblemError('unsupported-media-type', 415, 'only the batch upload takes a form'),
          undefined,
        );
      request.rawBody = body;
      done(null, undefined);
    },
  );
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES },
    (_request, _body, done) => {
      done(
        new ProblemError(
          'unsupported-media-type',
          415,
          'send application/json (or application/offset+octet-stream to tus)',
        ),
        undefined,
      );
    },
  );

  app.setErrorHandler(
    (error: FastifyError | ProblemError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof ProblemError) return sendProblem(reply, error.problem);
      switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return sendProblem(
            reply,
            problem(
              'payload-too-large',
              413,
              `the body exceeds ${request.routeOptions.bodyLimit ?? MAX_BODY_BYTES} bytes`,
            ),
          );
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
          return sendProblem(reply, problem('unsupported-media-type', 415, error.message));
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return sendProblem(reply, problem('malformed-json', 400, 'the body is empty'));
      }
      if (
        typeof error.statusCode === 'number' &&
        error.statusCode >= 400 &&
        error.statusCode < 500
      ) {
        return sendProblem(reply, problem('invalid-request', error.statusCode, error.message));
      }
      request.log.error({ err: { name: error.name, code: error.code } }, 'unhandled error');
      return sendProblem(
        reply,
        problem('internal', 500, 'internal error; the request id is in the logs'),
      );
    },
  );

  app.setNotFoundHandler((_request, reply) =>
    sendProblem(reply, problem('not-found', 404, 'no such route')),
  );

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/v1/') || request.method === 'OPTIONS') return payload;
    let body: Uint8Array;
    if (payload === null || payload === undefined) body = new Uint8Array();
    else if (typeof payload === 'string') body = Buffer.from(payload);
    else if (Buffer.isBuffer(payload)) body = payload;
    else return payload;
    const digest = await contentDigest(body);
    reply.header('content-digest', digest);
    const headers = await signMessage(
      { status: reply.statusCode, headers: { 'content-digest': digest } },
      { key: signing.key, keyId: signing.keyId, components: RESPONSE_COMPONENTS, nonce: null },
    );
    reply.header('signature-input', headers['signature-input']);
    reply.header('signature', headers.signature);
    return payload;
  });
}
