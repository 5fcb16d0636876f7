import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform } from '../../sync/server/platform';
import type { Platform } from '../../sync/server/platform';
import { SimulatedKiosk } from '../../sync/server/simulated-kiosk';
import type { KioskResponse } from '../../sync/server/simulated-kiosk';
import { startPostgres } from '../support/postgres';
import type { ThrowawayPostgres } from '../support/postgres';

/**
 * Every route gets arbitrary, correctly signed input: the platform must answer each with a
 * 2xx or a 4xx problem, never a 5xx, and store no application.
 */

const RUNS = 25;
let postgres: ThrowawayPostgres | undefined;
const tempDir = mkdtempSync(join(tmpdir(), 'budayang-fuzz-'));

beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
  rmSync(tempDir, { recursive: true, force: true });
});

const uuid = fc.uuid();
const text = fc.string({ maxLength: 40 });
/** Near-miss envelopes reach deeper than random JSON. */
const envelopeish = fc.record(
  {
    id: fc.oneof(uuid, text, fc.integer()),
    serviceCode: fc.oneof(fc.constantFrom('000131150000', '000131128000', 'progress-lookup'), text),
    createdAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      text,
    ),
    receiptNumber: fc.oneof(text, fc.constant('KAAAAA-20250101-0001')),
    idHash: fc.oneof(
      fc
        .base64String({ minLength: 44, maxLength: 44 })
        .map((s) => s.slice(0, 43).replace(/\+/g, '-').replace(/\//g, '_')),
      text,
    ),
    attachments: fc.array(fc.record({ id: uuid, size: fc.integer(), sha256: text }), {
      maxLength: 3,
    }),
    enc: fc.oneof(
      fc
        .base64String({ minLength: 88, maxLength: 88 })
        .map((s) => s.slice(0, 87).replace(/\+/g, '-').replace(/\//g, '_')),
      text,
    ),
    ciphertext: fc.oneof(fc.base64String({ minLength: 24, maxLength: 200 }), text),
  },
  { requiredKeys: [] },
);
const json = fc.oneof(fc.jsonValue({ maxDepth: 3 }), envelopeish);

const backends = [
  { name: 'sqlite', url: () => `sqlite:${join(tempDir, 'fuzz.db')}` },
  { name: 'postgres', url: () => postgres!.createDatabase('fuzz') },
];

describe.each(backends)('fuzzing every route on $name', ({ url }) => {
  let platform: Platform;
  let base: string;
  let kiosk: SimulatedKiosk;
  let token: string;
  let applications: number;

  const count = async () =>
    Number(
      (await platform.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM applications'))[0]!.n,
    );
  const wellFormed = (r: KioskResponse) => {
    expect(r.status).toBeLessThan(500);
    if (r.status >= 400) expect(r.headers['content-type']).toContain('application/problem+json');
  };

  beforeAll(async () => {
    platform = await createPlatform({ db: url() });
    base = await platform.listen({ port: 0 });
    kiosk = await SimulatedKiosk.enrol(base, (await platform.operator.createEnrolmentCode()).code);
    token = await platform.operator.createOperatorToken();
    applications = await count();
  });
  afterAll(async () => {
    expect(await count()).toBe(applications);
    await platform.close();
  });

  it('POST /v1/applications/batch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          json,
          fc.array(json, { maxLength: 5 }).map((envelopes) => ({ envelopes })),
        ),
        async (body) => {
          wellFormed(await kiosk.request('POST', '/v1/applications/batch', body));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/lookup, /v1/ratings, /v1/telemetry', async () => {
    const bodies = fc.oneof(
      json,
      fc.record(
        { by: fc.constantFrom('receipt', 'idHash', 'name'), receiptNumber: text, idHash: text },
        { requiredKeys: [] },
      ),
      fc
        .array(
          fc.record({
            id: uuid,
            applicationId: uuid,
            level: fc.integer({ min: -1, max: 7 }),
            reasons: fc.array(text),
          }),
          { maxLength: 3 },
        )
        .map((ratings) => ({ ratings })),
      fc
        .array(
          fc.record({
            at: text,
            appVersion: text,
            uptimeSeconds: fc.integer(),
            devices: fc.array(fc.record({ role: text, state: text })),
          }),
          { maxLength: 3 },
        )
        .map((heartbeats) => ({ heartbeats })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/lookup', '/v1/ratings', '/v1/telemetry'),
        bodies,
        async (path, body) => {
          wellFormed(await kiosk.request('POST', path, body));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('GET routes with arbitrary query strings, path ids and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/v1/status-updates',
          '/v1/catalog',
          '/v1/applications/{id}/missing-attachments',
          '/v1/attachments/{id}',
        ),
        fc.dictionary(fc.constantFrom('after', 'limit', 'scope', 'x'), text, { maxKeys: 3 }),
        fc.oneof(uuid, fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/)),
        fc.oneof(fc.constant(undefined), text),
        async (template, query, id, etag) => {
          const path = template.replace('{id}', id);
          const search = new URLSearchParams(query).toString();
          const method = path.startsWith('/v1/attachments/') ? 'HEAD' : 'GET';
          const headers: Record<string, string> =
            method === 'HEAD' ? { 'tus-resumable': '1.0.0' } : {};
          if (etag !== undefined && /^[\x20-\x7e]*$/.test(etag)) headers['if-none-match'] = etag;
          wellFormed(
            await kiosk.request(method, search === '' ? path : `${path}?${search}`, undefined, {
              headers,
            }),
          );
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('tus creation and PATCH with arbitrary metadata, lengths and offsets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(uuid, text),
        fc.oneof(uuid, text),
        fc.integer({ min: -5, max: 20_000_000 }),
        fc.uint8Array({ maxLength: 100 }),
        async (appId, attId, length, chunk) => {
          const metadata = `applicationId ${btoa(unescape(encodeURIComponent(appId)))},attachmentId ${btoa(unescape(encodeURIComponent(attId)))}`;
          wellFormed(
            await kiosk.request('POST', '/v1/attachments', undefined, {
              headers: {
                'tus-resumable': '1.0.0',
                'upload-length': String(length),
                'upload-metadata': metadata,
              },
            }),
          );
          wellFormed(
            await kiosk.request(
              'PATCH',
              `/v1/attachments/${encodeURIComponent(attId)}`,
              undefined,
              {
                rawBody: chunk,
                contentType: 'application/offset+octet-stream',
                headers: {
                  'tus-resumable': '1.0.0',
                  'upload-offset': String(Math.max(0, length % 100)),
                },
              },
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /v1/enrolments and the operator routes', async () => {
    await fc.assert(
      fc.asyncProperty(json, fc.oneof(text, uuid), fc.boolean(), async (body, ref, withToken) => {
        const send = async (path: string, auth: boolean) => {
          const response = await fetch(`${base}${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(auth && withToken ? { authorization: `Bearer ${token}` } : {}),
            },
            body: JSON.stringify(body),
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400)
            expect(response.headers.get('content-type')).toContain('application/problem+json');
        };
        await send('/v1/enrolments', false);
        await send(`/v1/operator/applications/${encodeURIComponent(ref)}/status`, true);
        await send(`/v1/operator/kiosks/${encodeURIComponent(ref)}/revoke`, true);
      }),
      { numRuns: RUNS },
    );
  });
});
