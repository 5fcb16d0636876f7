import { z } from 'zod';
import { Envelope } from './envelope';
import { ATTACHMENT_PART, BATCH_FORM_TYPE, BATCH_PART } from './batch-form';
import { InlineAttachment, MAX_ENVELOPES_PER_BATCH, MAX_INLINE_ATTACHMENT_BYTES } from './intake';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { Rating } from './rating';
import { MAX_RATINGS_PER_BATCH } from './ratings-exchange';
import { NAMED_SCHEMAS, ROUTES } from './routes';
import type { RouteSpec } from './routes';

/** OpenAPI 3.1 from the zod schemas; `sync/protocol/openapi.json` is its committed output. */

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) registry.add(schema, { id });
  // Batches are parsed item by item on the server, but documented with their item schema.
  const documented = {
    UploadBatchRequest: z.object({
      envelopes: z.array(Envelope).min(1).max(MAX_ENVELOPES_PER_BATCH),
      attachments: z
        .array(InlineAttachment)
        .max(MAX_ENVELOPES_PER_BATCH * 4)
        .optional(),
    }),
    RatingBatch: z.object({ ratings: z.array(Rating).min(1).max(MAX_RATINGS_PER_BATCH) }),
  };
  for (const [id, schema] of Object.entries(documented)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Json;
    out[id] = rest;
  }
  return out;
}

function schemaName(schema: z.ZodType | undefined): string | undefined {
  return Object.entries(NAMED_SCHEMAS).find(([, s]) => s === schema)?.[0];
}

const problemResponse = {
  description: 'Problem details (RFC 9457)',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
};

/** sync/protocol/batch-form.ts: the batch's JSON, then each small attachment as raw bytes. */
const batchForm: Json = {
  schema: {
    type: 'object',
    required: [BATCH_PART],
    properties: {
      [BATCH_PART]: {
        description: 'UploadBatchRequest without `attachments`',
        ...ref('UploadBatchRequest'),
      },
      [ATTACHMENT_PART]: {
        type: 'array',
        maxItems: MAX_ENVELOPES_PER_BATCH * 4,
        description: `one part per sealed attachment (at most ${MAX_INLINE_ATTACHMENT_BYTES} bytes), its filename the attachment id`,
        items: { type: 'string', contentMediaType: 'application/octet-stream' },
      },
    },
  },
  encoding: {
    [BATCH_PART]: { contentType: 'application/json' },
    [ATTACHMENT_PART]: { contentType: 'application/octet-stream' },
  },
};

function operation(route: RouteSpec): Json {
  const parameters: Json[] = [];
  for (const name of route.pathParams ?? [])
    parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  for (const [name, q] of Object.entries(route.query ?? {}))
    parameters.push({
      name,
      in: 'query',
      required: false,
      description: q.description,
      schema: q.schema,
    });
  const requestName = route.requestDoc ?? schemaName(route.request);
  const responseName = schemaName(route.response);
  const ok: Json = { description: 'Success' };
  if (responseName !== undefined)
    ok.content = { 'application/json': { schema: ref(responseName) } };
  if (route.headers !== undefined) {
    ok.headers = Object.fromEntries(
      Object.entries(route.headers).map(([h, d]) => [
        h,
        { description: d, schema: { type: 'string' } },
      ]),
    );
  }
  const op: Json = {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: route.summary,
    responses: { [String(route.status)]: ok, '4XX': problemResponse, '5XX': problemResponse },
  };
  if (parameters.length > 0) op.parameters = parameters;
  if (requestName !== undefined)
    op.requestBody = {
      required: true,
      content: {
        'application/json': { schema: ref(requestName) },
        ...(route.requestForm ? { [BATCH_FORM_TYPE]: batchForm } : {}),
      },
    };
  if (route.auth === 'kiosk') op.security = [{ httpMessageSignature: [] }];
  if (route.auth === 'operator') op.security = [{ operatorToken: [] }];
  return op;
}

export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Budayang kiosk sync protocol',
      version: '1.0.0',
      description:
        'What a province 一网通办 platform implements to receive applications from Budayang kiosks. ' +
        'Kiosk requests carry RFC 9421 signatures (ecdsa-p256-sha256, label sig1, keyid = kiosk id) covering ' +
        '"@method" "@path" "@query" "content-digest" with created and nonce; Content-Digest is RFC 9530 sha-256. ' +
        'Envelopes are sealed with RFC 9180 HPKE (DHKEM P-256, HKDF-SHA256, AES-128-GCM). Errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        httpMessageSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'Signature',
          description:
            'RFC 9421 Signature and Signature-Input headers plus an RFC 9530 Content-Digest header',
        },
        operatorToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'an operator token made with `budayang platform operator-token`',
        },
      },
    },
  };
}
