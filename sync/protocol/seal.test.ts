import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SealOpenError,
  attachmentAad,
  exportPlatformPrivateKey,
  exportPlatformPublicKey,
  generatePlatformKeyPair,
  importPlatformPrivateKey,
  importPlatformPublicKey,
  openAttachment,
  openEnvelope,
  sealAttachment,
  sealEnvelope,
} from './seal';
import { fromBase64, toBase64 } from './base64';

const pairPromise = generatePlatformKeyPair();

describe('HPKE sealing', () => {
  it('opens what it sealed, after the keys travelled as text', async () => {
    const pair = await pairPromise;
    const publicKey = await importPlatformPublicKey(await exportPlatformPublicKey(pair.publicKey));
    const privateKey = await importPlatformPrivateKey(
      await exportPlatformPrivateKey(pair.privateKey),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 500 }),
        fc.uint8Array({ maxLength: 50 }),
        async (pt, aad) => {
          const sealed = await sealEnvelope(publicKey, pt, aad);
          expect(await openEnvelope(privateKey, sealed, aad)).toEqual(pt);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses a flipped ciphertext bit, other AAD and another key', async () => {
    const pair = await pairPromise;
    const other = await generatePlatformKeyPair();
    const aad = new Uint8Array([1, 2, 3]);
    const sealed = await sealEnvelope(pair.publicKey, new TextEncoder().encode('{"form":{}}'), aad);
    const ct = fromBase64(sealed.ciphertext);
    ct[0] = ct[0]! ^ 1;
    await expect(
      openEnvelope(pair.privateKey, { ...sealed, ciphertext: toBase64(ct) }, aad),
    ).rejects.toBeInstanceOf(SealOpenError);
    await expect(
      openEnvelope(pair.privateKey, sealed, new Uint8Array([1, 2, 4])),
    ).rejects.toBeInstanceOf(SealOpenError);
    await expect(openEnvelope(other.privateKey, sealed, aad)).rejects.toBeInstanceOf(SealOpenError);
    await expect(
      openEnvelope(pair.privateKey, { ...sealed, enc: 'x' }, aad),
    ).rejects.toBeInstanceOf(SealOpenError);
  });

  it('keeps attachments apart from envelopes and from each other', async () => {
    const pair = await pairPromise;
    const blob = await sealAttachment(
      pair.publicKey,
      new Uint8Array([9, 9, 9]),
      attachmentAad('a', 'b'),
    );
    expect(await openAttachment(pair.privateKey, blob, attachmentAad('a', 'b'))).toEqual(
      new Uint8Array([9, 9, 9]),
    );
    await expect(
      openAttachment(pair.privateKey, blob, attachmentAad('a', 'c')),
    ).rejects.toBeInstanceOf(SealOpenError);
    await expect(
      openAttachment(pair.privateKey, blob.subarray(0, 10), attachmentAad('a', 'b')),
    ).rejects.toBeInstanceOf(SealOpenError);
  });
});
