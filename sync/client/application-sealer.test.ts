import { describe, expect, it } from 'vitest';
import { toBase64 } from '../protocol/base64';
import { idHash, importLookupKey } from '../protocol/id-hash';
import { openApplication } from '../protocol/envelope';
import {
  attachmentAad,
  exportPlatformPublicKey,
  generatePlatformKeyPair,
  openAttachment,
} from '../protocol/seal';
import { sealSubmission } from './application-sealer';
import { newSigningKeyPair, type KioskCredentials } from './kiosk-credentials';

async function setup() {
  const platform = await generatePlatformKeyPair();
  const keys = await newSigningKeyPair();
  const lookupKey = await importLookupKey(toBase64(new Uint8Array(32).fill(7)));
  const credentials: KioskCredentials = {
    kioskId: 'K1',
    receiptPrefix: 'K1',
    platformUrl: 'http://platform',
    ...keys,
    lookupKey,
    platformEncryptionKey: await exportPlatformPublicKey(platform.publicKey),
    enrolledAt: 0,
  };
  return { platform, credentials, lookupKey };
}

describe('sealSubmission', () => {
  it('seals what only the platform can open, with nothing personal in clear', async () => {
    const { platform, credentials, lookupKey } = await setup();
    const sealed = await sealSubmission(
      {
        serviceCode: '000131137000',
        serviceName: '城乡居民医保参保登记',
        form: { applicantName: '张三', signature: 'material:signature' },
        identity: { name: '张三' },
        idNumber: '11010519491231002X',
        materials: [
          { materialId: 'signature', name: '签名', blob: new Blob([new Uint8Array([1, 2, 3])]) },
          {
            materialId: 'household-register',
            name: '户口簿',
            blob: new Blob([new Uint8Array(1000).fill(9)]),
          },
        ],
        missing: [{ materialId: 'residence-permit', name: '居住证', deadline: '2025-02-01' }],
        promised: [{ materialId: 'income-proof', name: '收入证明' }],
      },
      credentials,
      'K1-20250101-0001',
      Date.parse('2025-01-01T08:00:00Z'),
    );
    const clear = JSON.stringify(sealed.entry);
    expect(clear).not.toContain('张三');
    expect(clear).not.toContain('11010519491231002X');
    expect(sealed.entry.idHash).toBe(await idHash(lookupKey, '11010519491231002x'));

    const content = await openApplication(platform.privateKey, sealed.entry.envelope!);
    const signature = sealed.attachments.find((a) => a.materialId === 'signature')!;
    expect(content.form['signature']).toBe(signature.id);
    expect(content.identity).toMatchObject({ name: '张三', idNumber: '11010519491231002X' });
    expect(content.materials.map((m) => [m.materialId, m.provision])).toEqual([
      ['household-register', 'attached'],
      ['residence-permit', 'deferred'],
      ['income-proof', 'promised'],
    ]);
    const image = sealed.attachments.find((a) => a.materialId === 'household-register')!;
    expect(
      await openAttachment(
        platform.privateKey,
        image.sealed,
        attachmentAad(sealed.entry.id, image.id),
      ),
    ).toEqual(new Uint8Array(1000).fill(9));
  });

  it('refuses a form that does not fit the protocol, with a typed error', async () => {
    const { credentials } = await setup();
    await expect(
      sealSubmission(
        {
          serviceCode: 'x',
          serviceName: 'x',
          form: { bad: { nested: true } },
          identity: { name: 'a' },
          idNumber: '1',
          materials: [],
          missing: [],
        },
        credentials,
        'K1-20250101-0001',
        0,
      ),
    ).rejects.toMatchObject({ code: 'FORM_INVALID' });
    await expect(
      sealSubmission(
        { serviceCode: 'x', serviceName: 'x', form: {}, idNumber: '1', materials: [], missing: [] },
        credentials,
        'K1-20250101-0001',
        0,
      ),
    ).rejects.toMatchObject({
      code: 'IDENTITY_MISSING',
    });
  });

  it("checks the form against the service's schema, as the platform will, before sealing", async () => {
    const { credentials } = await setup();
    const schema = {
      fields: [
        {
          key: 'phone',
          type: 'phone' as const,
          label: { 'zh-CN': '电话', en: 'Phone' },
          required: true,
        },
        {
          key: 'signature',
          type: 'signature' as const,
          label: { 'zh-CN': '签名', en: 'Signature' },
          required: true,
        },
      ],
    };
    const submission = (form: Record<string, unknown>) => ({
      serviceCode: '000131150000',
      serviceName: '社保卡补换',
      form,
      identity: { name: '张三' },
      idNumber: '11010519491231002X',
      materials: [{ materialId: 'sig', name: '签名', blob: new Blob([new Uint8Array([1])]) }],
      missing: [],
    });
    const at = Date.parse('2025-01-01T08:00:00Z');
    // A signature that names the image by anything but the material reference is refused here.
    const wrong = await sealSubmission(
      submission({ phone: '13800138000', signature: 'sig' }),
      credentials,
      'K1-1',
      at,
      schema as never,
    ).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'FORM_INVALID' });
    expect(String((wrong as Error).message)).not.toContain('13800138000');
    const badPhone = await sealSubmission(
      submission({ phone: '12', signature: 'material:sig' }),
      credentials,
      'K1-2',
      at,
      schema as never,
    ).catch((e: unknown) => e);
    expect(badPhone).toMatchObject({ code: 'FORM_INVALID' });
    const good = await sealSubmission(
      submission({ phone: '13800138000', signature: 'material:sig' }),
      credentials,
      'K1-3',
      at,
      schema as never,
    );
    expect(good.entry.attachmentIds).toHaveLength(1);
  });
});
