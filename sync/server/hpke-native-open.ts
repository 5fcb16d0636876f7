import { createDecipheriv, createECDH, createHmac } from 'node:crypto';
import { HPKE_ENC_BYTES, SealOpenError } from '../protocol/seal';

/**
 * RFC 9180 base-mode single-shot open for DHKEM(P-256, HKDF-SHA256), HKDF-SHA256,
 * AES-128-GCM on Node's synchronous crypto. The kiosks seal with @hpke/core and the platform
 * could open with it too, but over Node's WebCrypto each envelope takes a dozen asynchronous
 * HMAC imports, which alone would cap intake below its target on a small server; the
 * synchronous primitives cost a fraction of that (`npm run bench:platform` shows intake's
 * throughput). A test checks it against @hpke/core.
 */

const KEM_ID = 0x0010;
const KDF_ID = 0x0001;
const AEAD_ID = 0x0001;
const VERSION = Buffer.from('HPKE-v1');

const i2osp = (value: number, length: number) => {
  const out = Buffer.alloc(length);
  out.writeUIntBE(value, 0, length);
  return out;
};
const KEM_SUITE = Buffer.concat([Buffer.from('KEM'), i2osp(KEM_ID, 2)]);
const HPKE_SUITE = Buffer.concat([
  Buffer.from('HPKE'),
  i2osp(KEM_ID, 2),
  i2osp(KDF_ID, 2),
  i2osp(AEAD_ID, 2),
]);

function extract(salt: Buffer, ikm: Buffer): Buffer {
  return createHmac('sha256', salt.length === 0 ? Buffer.alloc(32) : salt)
    .update(ikm)
    .digest();
}

/** Lengths here never exceed one SHA-256 block, so one round of HKDF-Expand suffices. */
function expand(prk: Buffer, info: Buffer, length: number): Buffer {
  return createHmac('sha256', prk)
    .update(info)
    .update(Buffer.from([1]))
    .digest()
    .subarray(0, length);
}

function labeledExtract(suite: Buffer, salt: Buffer, label: string, ikm: Buffer): Buffer {
  return extract(salt, Buffer.concat([VERSION, suite, Buffer.from(label), ikm]));
}

function labeledExpand(
  suite: Buffer,
  prk: Buffer,
  label: string,
  info: Buffer,
  length: number,
): Buffer {
  return expand(
    prk,
    Buffer.concat([i2osp(length, 2), VERSION, suite, Buffer.from(label), info]),
    length,
  );
}

export interface NativeOpener {
  open(enc: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array;
}

export function createNativeOpener(
  privateScalar: Uint8Array,
  publicKey: Uint8Array,
  info: string,
): NativeOpener {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(privateScalar));
  const pkRm = Buffer.from(publicKey);
  const empty = Buffer.alloc(0);
  const pskIdHash = labeledExtract(HPKE_SUITE, empty, 'psk_id_hash', empty);
  const infoHash = labeledExtract(HPKE_SUITE, empty, 'info_hash', Buffer.from(info));
  const context = Buffer.concat([Buffer.from([0]), pskIdHash, infoHash]);
  return {
    open(enc, ciphertext, aad) {
      if (enc.byteLength !== HPKE_ENC_BYTES || ciphertext.byteLength < 16)
        throw new SealOpenError();
      let dh: Buffer;
      try {
        dh = ecdh.computeSecret(Buffer.from(enc));
      } catch {
        throw new SealOpenError('enc is not a P-256 point');
      }
      const kemContext = Buffer.concat([Buffer.from(enc), pkRm]);
      const eaePrk = labeledExtract(KEM_SUITE, empty, 'eae_prk', dh);
      const sharedSecret = labeledExpand(KEM_SUITE, eaePrk, 'shared_secret', kemContext, 32);
      const secret = labeledExtract(HPKE_SUITE, sharedSecret, 'secret', empty);
      const key = labeledExpand(HPKE_SUITE, secret, 'key', context, 16);
      const nonce = labeledExpand(HPKE_SUITE, secret, 'base_nonce', context, 12);
      const body = Buffer.from(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength);
      try {
        const decipher = createDecipheriv('aes-128-gcm', key, nonce);
        decipher.setAAD(Buffer.from(aad));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return new Uint8Array(
          Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]),
        );
      } catch {
        throw new SealOpenError();
      }
    },
  };
}
