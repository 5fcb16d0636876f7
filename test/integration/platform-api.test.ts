import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSigner, createVerifier, httpbis } from 'http-message-signatures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest } from '../../sync/protocol/content-digest';
import { exportPublicJwk, generateSigningKeyPair } from '../../sync/protocol/http-signature';
import { idHash } from '../../sync/protocol/id-hash';
import { encodeBatchForm } from '../../sync/protocol/batch-form';
import { MAX_INLINE_ATTACHMENT_BYTES } from '../../sync/protocol/intake';
import type { UploadBatchResponse } from '../../sync/protocol/intake';
import type { Catalog } from '../../sync/protocol/catalog';
import type { StatusFeed } from '../../sync/protocol/status-feed';
import type { LookupResponse } from '../../sync/protocol/lookup';
import type { Problem } from '../../sync/protocol/problem';
import type { Fleet } from '../../sync/protocol/fleet';
import { createPlatform } from '../../sync/server/platform';
import type { Platform } from '../../sync/server/platform';
import { SimulatedKiosk } from '../../sync/server/simulated-kiosk';
import { citizenContent, SOCIAL_SECURITY_CARD } from '../support/citizen-application';
import { startPostgres } from '../support/postgres';
import type { ThrowawayPostgres } from '../support/postgres';

const SERVICE = SOCIAL_SECURITY_CARD;

async function sealValid(kiosk: SimulatedKiosk) {
  const signatureId = crypto.randomUUID();
  return kiosk.seal(SERVICE, citizenContent(signatureId), [
    { id: signatureId, bytes: new Uint8Array([7, 7, 7]) },
  ]);
}

let postgres: ThrowawayPostgres | undefined;
const tempDir = mkdtempSync(join(tmpdir(), 'budayang-platform-'));

beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
  rmSync(tempDir, { recursive: true, force: true });
});

const backends = [
  { name: 'sqlite', url: () => `sqlite:${join(tempDir, 'api.db')}` },
  { name: 'postgres', url: () => postgres!.createDatabase('api') },
];

describe.each(backends)('reference platform on $name', ({ url }) => {
  let platform: Platform;
  let base: string;
  let kiosk: SimulatedKiosk;
  let operatorToken: string;

  const count = async (table: string) =>
    Number((await platform.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
  const operator = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${operatorToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    platform = await createPlatform({ db: url() });
    base = await platform.listen({ port: 0 });
    kiosk = await SimulatedKiosk.enrol(base, (await platform.operator.createEnrolmentCode()).code);
    operatorToken = await platform.operator.createOperatorToken();
  });
  afterAll(async () => platform.close());

  it('enrols once per code and refuses a used, unknown or malformed code', async () => {
    const { code } = await platform.operator.createEnrolmentCode();
    await SimulatedKiosk.enrol(base, code);
    await expect(SimulatedKiosk.enrol(base, code)).rejects.toThrow(/403.*enrolment-code-invalid/);
    const pair = await generateSigningKeyPair();
    const response = await fetch(`${base}/v1/enrolments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'nope', publicKey: await exportPublicJwk(pair.publicKey) }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves the OpenAPI document and CORS for any origin', async () => {
    const doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    const preflight = await fetch(`${base}/v1/applications/batch`, {
      method: 'OPTIONS',
      headers: {
        origin: 'app://kiosk',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'signature,signature-input,content-digest',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the demo catalogue with an ETag, 304 when unchanged, and a new version when published', async () => {
    const first = await kiosk.request<Catalog>('GET', '/v1/catalog');
    expect(first.status).toBe(200);
    expect(first.verified).toBe(true);
    expect(first.body.services).toHaveLength(10);
    expect(first.body.services.every((s) => s.name['zh-CN'] && s.name.en)).toBe(true);
    expect(first.body.themes.map((t) => t.name['zh-CN'])).toContain('新生儿出生一件事');
    const again = await kiosk.request('GET', '/v1/catalog', undefined, {
      headers: { 'if-none-match': first.headers.etag! },
    });
    expect(again.status).toBe(304);
    const version = await platform.operator.publishCatalog();
    const next = await kiosk.request<Catalog>('GET', '/v1/catalog', undefined, {
      headers: { 'if-none-match': first.headers.etag! },
    });
    expect(next.status).toBe(200);
    expect(next.body.version).toBe(version);
  });

  it('answers a batch item by item: accepted, duplicate, conflict and rejected poison items', async () => {
    const signatureId = crypto.randomUUID();
    const good = await kiosk.seal(SERVICE, citizenContent(signatureId), [
      { id: signatureId, bytes: new Uint8Array([1, 2, 3]) },
    ]);
    const other = await kiosk.seal(
      SERVICE,
      citizenContent(signatureId, { reason: 'damaged' }),
      [{ id: signatureId, bytes: new Uint8Array([1]) }],
      { id: good.envelope.id },
    );
    const tampered = await kiosk.seal(SERVICE, citizenContent(signatureId));
    const unknownService = await kiosk.seal('999999999999', citizenContent(signatureId));
    const wrongHash = await kiosk.seal(SERVICE, citizenContent(signatureId), [], {
      idHash: await idHash(kiosk.lookupKey, '110105194912310037'),
    });
    const badForm = await kiosk.seal(
      SERVICE,
      citizenContent(signatureId, { reason: 'stolen-by-aliens', phone: '12' }),
    );
    const before = await count('applications');
    const response = await kiosk.request<UploadBatchResponse>('POST', '/v1/applications/batch', {
      envelopes: [
        good.envelope,
        good.envelope,
        { ...other.envelope, receiptNumber: other.envelope.receiptNumber },
        { ...tampered.envelope, serviceCode: '000131128000' },
        unknownService.envelope,
        wrongHash.envelope,
        badForm.envelope,
        { id: 42, garbage: true },
        null,
      ],
    });
    expect(response.status).toBe(200);
    expect(response.verified).toBe(true);
    const outcomes = response.body.results.map((r) => [r.outcome, r.problem?.code]);
    expect(outcomes).toEqual([
      ['accepted', undefined],
      ['duplicate', undefined],
      ['conflict', 'invalid-request'],
      ['rejected', 'envelope-unopenable'],
      ['rejected', 'unknown-service'],
      ['rejected', 'id-hash-mismatch'],
      ['rejected', 'form-invalid'],
      ['rejected', 'envelope-invalid'],
      ['rejected', 'envelope-invalid'],
    ]);
    expect(response.body.results[0]!.missingAttachments).toEqual([signatureId]);
    expect(await count('applications')).toBe(before + 1);
    const problemText = JSON.stringify(response.body);
    expect(problemText).not.toContain('11010519491231002X');
    expect(problemText).not.toContain('张三');

    const retry = await kiosk.request<UploadBatchResponse>('POST', '/v1/applications/batch', {
      envelopes: [good.envelope],
    });
    expect(retry.body.results[0]).toMatchObject({
      outcome: 'duplicate',
      missingAttachments: [signatureId],
    });
    // The same bytes from another kiosk are not its resend: checked in full, and refused.
    const stranger = await SimulatedKiosk.enrol(
      base,
      (await platform.operator.createEnrolmentCode()).code,
    );
    const replayed = await stranger.request<UploadBatchResponse>('POST', '/v1/applications/batch', {
      envelopes: [good.envelope],
    });
    expect(replayed.body.results[0]).toMatchObject({
      outcome: 'rejected',
      problem: { code: 'receipt-number-foreign' },
    });
  });

  it('takes attachments by tus, resumably and write-once, and checks their digest', async () => {
    const signatureId = crypto.randomUUID();
    const photoId = crypto.randomUUID();
    const bytes = new Uint8Array(5000).map((_, i) => i % 251);
    const { envelope, blobs } = await kiosk.seal(SERVICE, citizenContent(signatureId), [
      { id: signatureId, bytes },
      { id: photoId, bytes: new Uint8Array(100).fill(9) },
    ]);
    await kiosk.request('POST', '/v1/applications/batch', { envelopes: [envelope] });
    const blob = blobs.get(signatureId)!;
    const tus = { 'tus-resumable': '1.0.0' };
    const metadata = `applicationId ${btoa(envelope.id)},attachmentId ${btoa(signatureId)}`;
    const wrongSize = await kiosk.request<Problem>('POST', '/v1/attachments', undefined, {
      headers: { ...tus, 'upload-length': '7', 'upload-metadata': metadata },
    });
    expect(wrongSize.body.code).toBe('attachment-size-mismatch');
    const created = await kiosk.request('POST', '/v1/attachments', undefined, {
      headers: { ...tus, 'upload-length': String(blob.byteLength), 'upload-metadata': metadata },
    });
    expect(created.status).toBe(201);
    const location = created.headers.location!;
    expect(location).toBe(`/v1/attachments/${signatureId}`);
    const patch = (offset: number, chunk: Uint8Array) =>
      kiosk.request('PATCH', location, undefined, {
        rawBody: chunk,
        contentType: 'application/offset+octet-stream',
        headers: { ...tus, 'upload-offset': String(offset) },
      });
    expect((await patch(0, blob.subarray(0, 2000))).status).toBe(204);
    const head = await kiosk.request('HEAD', location, undefined, { headers: tus });
    expect(head.headers['upload-offset']).toBe('2000');
    expect((await patch(1000, blob.subarray(1000))).status).toBe(409);
    expect((await patch(2000, blob.subarray(2000))).status).toBe(204);
    const missing = await kiosk.request<{ missing: string[] }>(
      'GET',
      `/v1/applications/${envelope.id}/missing-attachments`,
    );
    expect(missing.body.missing).toEqual([photoId]);
    expect((await patch(blob.byteLength, new Uint8Array([1]))).body).toMatchObject({
      code: 'attachment-complete',
    });
    const recreate = await kiosk.request<Problem>('POST', '/v1/attachments', undefined, {
      headers: { ...tus, 'upload-length': String(blob.byteLength), 'upload-metadata': metadata },
    });
    expect(recreate.body.code).toBe('attachment-complete');

    const photo = blobs.get(photoId)!;
    const photoMeta = `applicationId ${btoa(envelope.id)},attachmentId ${btoa(photoId)}`;
    await kiosk.request('POST', '/v1/attachments', undefined, {
      headers: { ...tus, 'upload-length': String(photo.byteLength), 'upload-metadata': photoMeta },
    });
    const spoiled = photo.slice();
    spoiled[100] = spoiled[100]! ^ 1;
    const bad = await kiosk.request<Problem>('PATCH', `/v1/attachments/${photoId}`, undefined, {
      rawBody: spoiled,
      contentType: 'application/offset+octet-stream',
      headers: { ...tus, 'upload-offset': '0' },
    });
    expect(bad.body.code).toBe('attachment-digest-mismatch');
    expect(
      (
        await kiosk.request<{ missing: string[] }>(
          'GET',
          `/v1/applications/${envelope.id}/missing-attachments`,
        )
      ).body.missing,
    ).toEqual([photoId]);
  });

  it('stores small attachments inline with their envelope, write-once, and checks them against it', async () => {
    const inlineOf = (blobs: Map<string, Uint8Array>, id: string, bytes = blobs.get(id)!) => ({
      id,
      data: Buffer.from(bytes).toString('base64'),
    });
    const signatureId = crypto.randomUUID();
    const photoId = crypto.randomUUID();
    const { envelope, blobs } = await kiosk.seal(SERVICE, citizenContent(signatureId), [
      { id: signatureId, bytes: new Uint8Array(3000).fill(3) },
      { id: photoId, bytes: new Uint8Array(200).fill(4) },
    ]);
    // Only the signature inline: the photo stays missing, for tus.
    const first = await kiosk.request<UploadBatchResponse>('POST', '/v1/applications/batch', {
      envelopes: [envelope],
      attachments: [inlineOf(blobs, signatureId)],
    });
    expect(first.body.results[0]).toMatchObject({
      outcome: 'accepted',
      missingAttachments: [photoId],
    });
    const stored = await platform.db.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM attachment_chunks WHERE attachment_id = $1',
      [signatureId],
    );
    expect(Number(stored[0]!.n)).toBe(1);
    // A retry of the same batch with the photo inline completes it; the signature is not written twice.
    const retry = await kiosk.request<UploadBatchResponse>('POST', '/v1/applications/batch', {
      envelopes: [envelope],
      attachments: [inlineOf(blobs, signatureId), inlineOf(blobs, photoId)],
    });
    expect(retry.body.results[0]).toMatchObject({ outcome: 'duplicate', missingAttachments: [] });
    const chunks = await platform.db.query<{ attachment_id: string; data: Uint8Array }>(
      'SELECT attachment_id, data FROM attachment_chunks WHERE attachment_id IN ($1, $2)',
      [signatureId, photoId],
    );
    expect(chunks.map((c) => c.attachment_id).sort()).toEqual([signatureId, photoId].sort());
    expect(Buffer.from(chunks.find((c) => c.attachment_id === photoId)!.data)).toEqual(
      Buffer.from(blobs.get(photoId)!),
    );

    // Bytes that are not the ones the envelope declares: that item is rejected and nothing of
    // it stored; the other item of the batch is accepted.
    const other = await sealValid(kiosk);
    const spoiledId = crypto.randomUUID();
    const spoiledSeal = await kiosk.seal(SERVICE, citizenContent(spoiledId), [
      { id: spoiledId, bytes: new Uint8Array(50).fill(5) },
    ]);
    const spoiled = spoiledSeal.blobs.get(spoiledId)!.slice();
    spoiled[10] = spoiled[10]! ^ 1;
    const before = await count('applications');
    const mixed = await kiosk.request<UploadBatchResponse>('POST', '/v1/applications/batch', {
      envelopes: [spoiledSeal.envelope, other.envelope],
      attachments: [
        inlineOf(spoiledSeal.blobs, spoiledId, spoiled),
        inlineOf(other.blobs, other.envelope.attachments[0]!.id),
      ],
    });
    expect(mixed.body.results.map((r) => r.outcome)).toEqual(['rejected', 'accepted']);
    expect(mixed.body.results[0]!.problem?.code).toBe('attachment-digest-mismatch');
    expect(mixed.body.results[1]!.missingAttachments).toEqual([]);
    expect(await count('applications')).toBe(before + 1);

    // An attachment id given twice is a malformed request, and stores nothing.
    const twice = await sealValid(kiosk);
    const twiceId = twice.envelope.attachments[0]!.id;
    const refused = await kiosk.request<Problem>('POST', '/v1/applications/batch', {
      envelopes: [twice.envelope],
      attachments: [inlineOf(twice.blobs, twiceId), inlineOf(twice.blobs, twiceId)],
    });
    expect(refused.status).toBe(400);
    expect(await count('applications')).toBe(before + 1);
  });

  it('takes the batch as a multipart form with raw attachment parts, under the same checks', async () => {
    const postForm = (
      form: { body: Uint8Array; contentType: string },
      path = '/v1/applications/batch',
    ) =>
      kiosk.request<UploadBatchResponse & Problem>('POST', path, undefined, {
        rawBody: form.body,
        contentType: form.contentType,
      });
    const partOf = (blobs: Map<string, Uint8Array>, id: string) => ({ id, data: blobs.get(id)! });

    const whole = await sealValid(kiosk);
    const wholeId = whole.envelope.attachments[0]!.id;
    const accepted = await postForm(
      encodeBatchForm({ envelopes: [whole.envelope] }, [partOf(whole.blobs, wholeId)]),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.results[0]).toMatchObject({ outcome: 'accepted', missingAttachments: [] });
    const chunks = await platform.db.query<{ data: Uint8Array }>(
      'SELECT data FROM attachment_chunks WHERE attachment_id = $1',
      [wholeId],
    );
    expect(Buffer.from(chunks[0]!.data)).toEqual(Buffer.from(whole.blobs.get(wholeId)!));

    // Spoiled bytes reject their item only.
    const spoiledSeal = await sealValid(kiosk);
    const spoiledId = spoiledSeal.envelope.attachments[0]!.id;
    const spoiled = spoiledSeal.blobs.get(spoiledId)!.slice();
    spoiled[10] = spoiled[10]! ^ 1;
    const other = await sealValid(kiosk);
    const mixed = await postForm(
      encodeBatchForm({ envelopes: [spoiledSeal.envelope, other.envelope] }, [
        { id: spoiledId, data: spoiled },
        partOf(other.blobs, other.envelope.attachments[0]!.id),
      ]),
    );
    expect(mixed.body.results.map((r) => r.outcome)).toEqual(['rejected', 'accepted']);
    expect(mixed.body.results[0]!.problem?.code).toBe('attachment-digest-mismatch');

    // Malformed forms are refused whole, and store nothing.
    const before = await count('applications');
    const fresh = await sealValid(kiosk);
    const freshId = fresh.envelope.attachments[0]!.id;
    const twice = encodeBatchForm({ envelopes: [fresh.envelope] }, [
      partOf(fresh.blobs, freshId),
      partOf(fresh.blobs, freshId),
    ]);
    expect((await postForm(twice)).status).toBe(400);
    const alsoInJson = encodeBatchForm(
      { envelopes: [fresh.envelope], attachments: [] } as { envelopes: unknown[] },
      [],
    );
    expect((await postForm(alsoInJson)).status).toBe(400);
    const good = encodeBatchForm({ envelopes: [fresh.envelope] }, [partOf(fresh.blobs, freshId)]);
    const cut = { ...good, body: good.body.subarray(0, good.body.byteLength - 30) };
    expect((await postForm(cut)).status).toBe(400);
    const noBatch = encodeBatchForm({ envelopes: [] }, []);
    const renamed = {
      ...noBatch,
      body: new TextEncoder().encode(
        new TextDecoder().decode(noBatch.body).replace('name="batch"', 'name="other"'),
      ),
    };
    expect((await postForm(renamed)).status).toBe(400);
    const tooBig = encodeBatchForm({ envelopes: [fresh.envelope] }, [
      { id: freshId, data: new Uint8Array(MAX_INLINE_ATTACHMENT_BYTES + 1) },
    ]);
    expect((await postForm(tooBig)).body.code).toBe('invalid-request');
    // Only the batch upload takes a form.
    expect((await postForm(good, '/v1/ratings')).status).toBe(415);
    expect(await count('applications')).toBe(before);
    expect((await postForm(good)).body.results[0]!.outcome).toBe('accepted');
  });

  it('finishes an upload whose completion a crash lost, on the next look at it', async () => {
    const signatureId = crypto.randomUUID();
    const { envelope, blobs } = await kiosk.seal(SERVICE, citizenContent(signatureId), [
      { id: signatureId, bytes: new Uint8Array(3000).map((_, i) => i % 7) },
    ]);
    await kiosk.request('POST', '/v1/applications/batch', { envelopes: [envelope] });
    const blob = blobs.get(signatureId)!;
    const tus = { 'tus-resumable': '1.0.0' };
    const metadata = `applicationId ${btoa(envelope.id)},attachmentId ${btoa(signatureId)}`;
    await kiosk.request('POST', '/v1/attachments', undefined, {
      headers: { ...tus, 'upload-length': String(blob.byteLength), 'upload-metadata': metadata },
    });
    await kiosk.request('PATCH', `/v1/attachments/${signatureId}`, undefined, {
      rawBody: blob,
      contentType: 'application/offset+octet-stream',
      headers: { ...tus, 'upload-offset': '0' },
    });
    // The platform died between storing the last byte and marking the upload complete.
    await platform.db.run('UPDATE attachments SET completed_at = NULL WHERE id = $1', [
      signatureId,
    ]);
    const missing = () =>
      kiosk.request<{ missing: string[] }>(
        'GET',
        `/v1/applications/${envelope.id}/missing-attachments`,
      );
    expect((await missing()).body.missing).toEqual([signatureId]);
    const head = await kiosk.request('HEAD', `/v1/attachments/${signatureId}`, undefined, {
      headers: tus,
    });
    expect(head.headers['upload-offset']).toBe(String(blob.byteLength));
    expect((await missing()).body.missing).toEqual([]);
  });

  it('advances status by operator API and feeds it to kiosks by cursor and lookup', async () => {
    const { envelope } = await sealValid(kiosk);
    await kiosk.request('POST', '/v1/applications/batch', { envelopes: [envelope] });
    const start = await kiosk.request<StatusFeed>('GET', '/v1/status-updates?after=0&limit=500');
    const cursor = start.body.cursor;
    expect(
      (
        await operator('POST', `/v1/operator/applications/${envelope.receiptNumber}/status`, {
          status: 'accepted',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await operator('POST', `/v1/operator/applications/${envelope.receiptNumber}/status`, {
          status: 'completed',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await operator('POST', `/v1/operator/applications/${envelope.id}/status`, {
          status: 'correction-required',
        })
      ).status,
    ).toBe(409);
    await platform.operator.advanceStatus(envelope.id, 'correction-required', '请补充邮寄地址');
    const feed = await kiosk.request<StatusFeed>('GET', `/v1/status-updates?after=${cursor}`);
    expect(feed.body.updates.map((u) => [u.receiptNumber, u.status, u.reason])).toEqual([
      [envelope.receiptNumber, 'accepted', undefined],
      [envelope.receiptNumber, 'correction-required', '请补充邮寄地址'],
    ]);
    const empty = await kiosk.request<StatusFeed>(
      'GET',
      `/v1/status-updates?after=${feed.body.cursor}`,
    );
    expect(empty.body).toMatchObject({ updates: [], hasMore: false, cursor: feed.body.cursor });
    const byHash = await kiosk.request<LookupResponse>('POST', '/v1/lookup', {
      by: 'idHash',
      idHash: envelope.idHash,
    });
    expect(
      byHash.body.applications
        .find((a) => a.applicationId === envelope.id)
        ?.history.map((h) => h.status),
    ).toEqual(['submitted', 'accepted', 'correction-required']);
    const byReceipt = await kiosk.request<LookupResponse>('POST', '/v1/lookup', {
      by: 'receipt',
      receiptNumber: envelope.receiptNumber,
    });
    expect(byReceipt.body.applications).toHaveLength(1);
    expect((await fetch(`${base}/v1/operator/fleet`)).status).toBe(401);
  });

  it('takes one rating per application, wants reasons for 差评, defers unknown applications', async () => {
    const { envelope } = await sealValid(kiosk);
    await kiosk.request('POST', '/v1/applications/batch', { envelopes: [envelope] });
    const rating = {
      id: crypto.randomUUID(),
      applicationId: envelope.id,
      receiptNumber: envelope.receiptNumber,
      serviceCode: SERVICE,
      level: 5,
      ratedAt: new Date().toISOString(),
    };
    const response = await kiosk.request<{ results: { outcome: string }[] }>(
      'POST',
      '/v1/ratings',
      {
        ratings: [
          rating,
          rating,
          { ...rating, id: crypto.randomUUID(), level: 4 },
          { ...rating, id: crypto.randomUUID(), level: 1 },
          { ...rating, id: crypto.randomUUID(), applicationId: crypto.randomUUID() },
        ],
      },
    );
    expect(response.body.results.map((r) => r.outcome)).toEqual([
      'accepted',
      'duplicate',
      'rejected',
      'rejected',
      'deferred',
    ]);
  });

  it('keeps heartbeats and shows the fleet with faults and queue depth', async () => {
    const beat = {
      at: new Date().toISOString(),
      appVersion: '0.1.0',
      uptimeSeconds: 60,
      queueDepth: { envelopes: 3, attachments: 1, ratings: 0, telemetry: 0 },
      devices: [
        { role: 'printer', state: 'fault', code: 'paper-out' },
        { role: 'idcard', state: 'ok' },
      ],
    };
    expect((await kiosk.request('POST', '/v1/telemetry', { heartbeats: [beat] })).body).toEqual({
      stored: 1,
    });
    const fleet = (await (await operator('GET', '/v1/operator/fleet')).json()) as Fleet;
    const me = fleet.kiosks.find((k) => k.kioskId === kiosk.id)!;
    expect(me.queueDepth?.envelopes).toBe(3);
    expect(me.faults).toEqual([{ role: 'printer', state: 'fault', code: 'paper-out' }]);
    expect(me.lastSeenAt).toBeDefined();
  });

  it('refuses bad requests with a clear problem and stores nothing', async () => {
    const { envelope } = await sealValid(kiosk);
    const body = { envelopes: [envelope] };
    const before = await count('applications');
    const expectProblem = async (
      response: Promise<{ status: number; headers: Record<string, string>; body: unknown }>,
      status: number,
      code: string,
    ) => {
      const r = await response;
      expect([r.status, (r.body as Problem).code]).toEqual([status, code]);
      expect(r.headers['content-type']).toContain('application/problem+json');
    };
    const path = '/v1/applications/batch';
    await expectProblem(
      kiosk.request('POST', path, undefined, {
        rawBody: new TextEncoder().encode('{"envelopes": ['),
        contentType: 'application/json',
      }),
      400,
      'malformed-json',
    );
    await expectProblem(kiosk.request('POST', path, { envelopes: 'many' }), 400, 'invalid-request');
    await expectProblem(
      kiosk.request('POST', path, { envelopes: Array.from({ length: 101 }, () => envelope) }),
      400,
      'invalid-request',
    );
    await expectProblem(
      kiosk.request('POST', path, undefined, { rawBody: new Uint8Array(9 * 1024 * 1024).fill(32) }),
      413,
      'payload-too-large',
    );
    await expectProblem(
      kiosk.request('POST', path, body, {
        mutate: (h) => void (delete h.signature, delete h['signature-input']),
      }),
      401,
      'signature-missing',
    );
    await expectProblem(
      kiosk.request('POST', path, body, {
        mutate: (h) =>
          void (h.signature = h.signature!.replace(
            /:(.)/,
            (_m, c: string) => `:${c === 'A' ? 'B' : 'A'}`,
          )),
      }),
      401,
      'signature-invalid',
    );
    await expectProblem(
      kiosk.request('POST', path, body, {
        mutate: (h) =>
          void (h['content-digest'] = 'sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:'),
      }),
      401,
      'signature-invalid',
    );
    await expectProblem(
      kiosk.request('POST', path, body, { created: Math.floor(Date.now() / 1000) - 3600 }),
      401,
      'signature-expired',
    );
    await expectProblem(
      kiosk.request('POST', path, body, { created: Math.floor(Date.now() / 1000) + 3600 }),
      401,
      'signature-expired',
    );
    await expectProblem(
      kiosk.request('POST', path, body, { headers: { 'content-type': 'text/plain' } }),
      415,
      'unsupported-media-type',
    );
    await expectProblem(kiosk.request('GET', '/v1/nowhere'), 404, 'not-found');
    // A replay: the identical signed request a second time.
    const nonce = 'replay-nonce-0001';
    expect((await kiosk.request('GET', '/v1/status-updates', undefined, { nonce })).status).toBe(
      200,
    );
    await expectProblem(
      kiosk.request('GET', '/v1/status-updates', undefined, { nonce }),
      401,
      'nonce-replayed',
    );
    // The body changed after signing: the signed Content-Digest no longer matches.
    const tampered = new TextEncoder().encode(
      JSON.stringify({ envelopes: [{ ...envelope, serviceCode: '000131128000' }] }),
    );
    await expectProblem(
      kiosk.request('POST', path, body, { sendBody: tampered }),
      400,
      'digest-mismatch',
    );
    expect(await count('applications')).toBe(before);

    const revoked = await SimulatedKiosk.enrol(
      base,
      (await platform.operator.createEnrolmentCode()).code,
    );
    // Known and trusted first, so that the platform holds its record when the revocation comes.
    expect((await revoked.request('GET', '/v1/catalog')).status).toBe(200);
    expect(await platform.operator.revokeKiosk(revoked.id)).toBe(true);
    await expectProblem(
      revoked.request('POST', path, { envelopes: [(await sealValid(revoked)).envelope] }),
      403,
      'kiosk-revoked',
    );
    expect(await count('applications')).toBe(before);
  });

  it('accepts requests signed by http-message-signatures and its verifier accepts the responses', async () => {
    const pair = await generateSigningKeyPair(true);
    const { code } = await platform.operator.createEnrolmentCode();
    const enrolled = await fetch(`${base}/v1/enrolments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, publicKey: await exportPublicJwk(pair.publicKey) }),
    });
    const { kioskId, platformSigningKey } = (await enrolled.json()) as {
      kioskId: string;
      platformSigningKey: JsonWebKey;
    };
    const nodeKey = createPrivateKey({
      key: (await crypto.subtle.exportKey('jwk', pair.privateKey)) as never,
      format: 'jwk',
    });
    const body = JSON.stringify({ by: 'receipt', receiptNumber: 'KAAAAA-20250101-0001' });
    const request = {
      method: 'POST',
      url: `${base}/v1/lookup`,
      headers: {
        'content-type': 'application/json',
        'content-digest': await contentDigest(new TextEncoder().encode(body)),
      } as Record<string, string>,
    };
    const signed = await httpbis.signMessage(
      {
        key: createSigner(nodeKey, 'ecdsa-p256-sha256', kioskId),
        name: 'sig1',
        fields: ['@method', '@path', '@query', 'content-digest'],
        params: ['created', 'keyid', 'nonce', 'alg'],
        paramValues: { nonce: crypto.randomUUID() },
      },
      request,
    );
    const response = await fetch(request.url, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    expect(response.status).toBe(200);
    const verified = await httpbis.verifyMessage(
      {
        keyLookup: async () => ({
          id: 'platform',
          algs: ['ecdsa-p256-sha256'],
          verify: createVerifier(
            createPublicKey({ key: platformSigningKey as never, format: 'jwk' }),
            'ecdsa-p256-sha256',
          ),
        }),
      },
      { status: response.status, headers: Object.fromEntries(response.headers.entries()) },
    );
    expect(verified).toBe(true);
  });
});
