import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../sync/protocol/catalog';
import type { UploadBatchResponse } from '../../sync/protocol/intake';
import type { Problem } from '../../sync/protocol/problem';
import type { StatusFeed } from '../../sync/protocol/status-feed';
import { createPlatform, type Platform } from '../../sync/server/platform';
import { SimulatedKiosk } from '../../sync/server/simulated-kiosk';
import { citizenContent, SOCIAL_SECURITY_CARD } from '../support/citizen-application';
import { startPostgres, type ThrowawayPostgres } from '../support/postgres';

/**
 * Nothing but the database holds the platform's state, so instances behind a load balancer
 * act as one: whatever a kiosk did through one, the other knows.
 */

let postgres: ThrowawayPostgres | undefined;
let one: Platform;
let other: Platform;
let oneUrl: string;
let otherUrl: string;

beforeAll(async () => {
  postgres = await startPostgres();
  const db = postgres.createDatabase('instances');
  one = await createPlatform({ db });
  other = await createPlatform({ db });
  oneUrl = await one.listen({ port: 0 });
  otherUrl = await other.listen({ port: 0 });
});
afterAll(async () => {
  await one?.close();
  await other?.close();
  await postgres?.stop();
});

describe('two platform instances on one PostgreSQL', () => {
  it('share enrolments, replay protection, revocations, the catalogue and statuses', async () => {
    const kiosk = await SimulatedKiosk.enrol(
      oneUrl,
      (await one.operator.createEnrolmentCode()).code,
    );
    const signatureId = crypto.randomUUID();
    const { envelope } = await kiosk.seal(SOCIAL_SECURITY_CARD, citizenContent(signatureId), [
      { id: signatureId, bytes: new Uint8Array([1, 2, 3]) },
    ]);

    // Enrolled through one, delivering through the other; the same request sent again to the
    // first is a replay.
    const nonce = crypto.randomUUID();
    const delivered = await kiosk.request<UploadBatchResponse>(
      'POST',
      '/v1/applications/batch',
      { envelopes: [envelope] },
      { baseUrl: otherUrl, nonce },
    );
    expect(delivered.body.results[0]?.outcome).toBe('accepted');
    const replayed = await kiosk.request<Problem>(
      'POST',
      '/v1/applications/batch',
      { envelopes: [envelope] },
      { baseUrl: oneUrl, nonce },
    );
    expect([replayed.status, replayed.body.code]).toEqual([401, 'nonce-replayed']);

    // Published through one, served by the other.
    const version = await one.operator.publishCatalog();
    const catalog = await kiosk.request<Catalog>('GET', '/v1/catalog', undefined, {
      baseUrl: otherUrl,
    });
    expect(catalog.body.version).toBe(version);

    // Advanced through one, in the other's feed.
    await one.operator.advanceStatus(envelope.id, 'accepted');
    const feed = await kiosk.request<StatusFeed>(
      'GET',
      '/v1/status-updates?after=0&scope=kiosk',
      undefined,
      { baseUrl: otherUrl },
    );
    expect(feed.body.updates.map((u) => u.status)).toContain('accepted');

    // Revoked through one while the other knows the kiosk well.
    expect(await one.operator.revokeKiosk(kiosk.id)).toBe(true);
    const refused = await kiosk.request<Problem>('GET', '/v1/catalog', undefined, {
      baseUrl: otherUrl,
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'kiosk-revoked']);
  });
});
