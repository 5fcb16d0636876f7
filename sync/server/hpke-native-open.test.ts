import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../protocol/base64';
import {
  HPKE_INFO_ENVELOPE,
  SealOpenError,
  exportPlatformPrivateKey,
  exportPlatformPublicKey,
  generatePlatformKeyPair,
  sealEnvelope,
} from '../protocol/seal';
import { fromBase64 } from '../protocol/base64';
import { createNativeOpener } from './hpke-native-open';

describe('native HPKE open', () => {
  it('opens whatever @hpke/core sealed, and refuses any flipped bit', async () => {
    const pair = await generatePlatformKeyPair();
    const opener = createNativeOpener(
      fromBase64Url(await exportPlatformPrivateKey(pair.privateKey)),
      fromBase64Url(await exportPlatformPublicKey(pair.publicKey)),
      HPKE_INFO_ENVELOPE,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.nat(),
        async (pt, aad, flip) => {
          const sealed = await sealEnvelope(pair.publicKey, pt, aad);
          const enc = fromBase64Url(sealed.enc);
          const ct = fromBase64(sealed.ciphertext);
          expect(opener.open(enc, ct, aad)).toEqual(pt);
          const spoiled = ct.slice();
          spoiled[flip % spoiled.length] = spoiled[flip % spoiled.length]! ^ 1;
          expect(() => opener.open(enc, spoiled, aad)).toThrow(SealOpenError);
        },
      ),
      { numRuns: 30 },
    );
  });
});
