import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url } from '../protocol/base64';
import { sealApplication } from '../protocol/envelope';
import type { Envelope } from '../protocol/envelope';
import { idHash, importLookupKey } from '../protocol/id-hash';
import { formatReceiptNumber } from '../protocol/receipt-number';
import {
  exportPlatformPrivateKey,
  exportPlatformPublicKey,
  generatePlatformKeyPair,
} from '../protocol/seal';
import { DEMO_CATALOG } from '../protocol/demo-catalog';
import { createEnvelopeCheckPool, createInlineChecker } from './envelope-check-pool';
import type { BatchCheckContext, EnvelopeChecker, EnvelopeKeys } from './envelope-check-pool';
import {
  SIMULATED_ID_NUMBER,
  SIMULATED_SERVICE,
  simulatedApplication,
} from './simulated-application';

const PREFIX = 'KTEST2';

const content = (signature: string) =>
  simulatedApplication(signature, { form: { mailingAddress: '示范区人民路 100 号' } });

describe('envelope check pool', () => {
  let keys: EnvelopeKeys;
  let envelopes: unknown[];
  let pool: EnvelopeChecker;
  const services = new Map(DEMO_CATALOG.services.map((s) => [s.code, s]));
  const context = (version: number, withService = true): BatchCheckContext => ({
    receiptPrefix: PREFIX,
    today: '2026-01-15',
    catalog: {
      version,
      services: new Map(
        [...services].filter(([code]) => withService || code !== SIMULATED_SERVICE),
      ),
    },
  });

  beforeAll(async () => {
    const pair = await generatePlatformKeyPair();
    const lookup = randomBytes(32);
    keys = {
      hpkePrivateRaw: fromBase64Url(await exportPlatformPrivateKey(pair.privateKey)),
      hpkePublicRaw: fromBase64Url(await exportPlatformPublicKey(pair.publicKey)),
      lookupKey: lookup,
    };
    pool = createEnvelopeCheckPool(keys, 2);
    const lookupKey = await importLookupKey(lookup.toString('base64'));
    const valid: Envelope[] = [];
    for (let i = 1; i <= 20; i++) {
      const attachment = crypto.randomUUID();
      valid.push(
        await sealApplication(
          pair.publicKey,
          {
            id: crypto.randomUUID(),
            serviceCode: SIMULATED_SERVICE,
            createdAt: '2026-01-15T08:00:00.000+08:00',
            receiptNumber: formatReceiptNumber(PREFIX, new Date(2026, 0, 15), i),
            idHash: await idHash(lookupKey, SIMULATED_ID_NUMBER),
            attachments: [{ id: attachment, size: 100, sha256: 'A'.repeat(43) }],
          },
          content(attachment),
        ),
      );
    }
    const tampered = { ...valid[3]!, idHash: 'B'.repeat(43) };
    const foreign = { ...valid[4]!, receiptNumber: 'KOTHER-20260115-0005' };
    envelopes = [
      ...valid.slice(0, 3),
      tampered,
      foreign,
      { nonsense: true },
      42,
      ...valid.slice(5),
    ];
  });
  afterAll(async () => pool?.close());

  it('gives the same verdicts as the inline checks, in the items’ order', async () => {
    const inline = await createInlineChecker(keys).check(envelopes, context(1));
    const threaded = await pool.check(envelopes, context(1));
    expect(threaded).toEqual(inline);
    expect(threaded.map((o) => (o.ok ? 'ok' : o.problem.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'envelope-unopenable',
      'receipt-number-foreign',
      'envelope-invalid',
      'envelope-invalid',
      ...Array.from({ length: 15 }, () => 'ok'),
    ]);
    const first = threaded[0]!;
    expect(first.ok && JSON.parse(first.checked.contentJson)).toMatchObject({ locale: 'zh-CN' });
  });

  it('checks against the catalogue version of each batch', async () => {
    const withdrawn = await pool.check(envelopes.slice(0, 2), context(2, false));
    expect(withdrawn.map((o) => !o.ok && o.problem.code)).toEqual([
      'unknown-service',
      'unknown-service',
    ]);
    const restored = await pool.check(envelopes.slice(0, 2), context(3));
    expect(restored.every((o) => o.ok)).toBe(true);
  });
});
