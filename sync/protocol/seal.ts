import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64';
import { asBufferSource, concatBytes, utf8 } from './bytes';

/** RFC 9180 base mode: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM. */
export const hpkeSuite = new CipherSuite({
  kem: new DhkemP256HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes128Gcm(),
});

export const HPKE_SUITE_NAME = 'DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM';
/** The encapsulated key of DHKEM(P-256) is an uncompressed point. */
export const HPKE_ENC_BYTES = 65;
/** Distinct info strings keep an envelope from ever opening as an attachment and back. */
export const HPKE_INFO_ENVELOPE = 'budayang/v1 envelope';
export const HPKE_INFO_ATTACHMENT = 'budayang/v1 attachment';
const INFO_ENVELOPE = utf8(HPKE_INFO_ENVELOPE);
const INFO_ATTACHMENT = utf8(HPKE_INFO_ATTACHMENT);

export class SealOpenError extends Error {
  constructor(message = 'the sealed data cannot be opened') {
    super(message);
    this.name = 'SealOpenError';
  }
}

export interface SealedData {
  /** base64url of the HPKE encapsulated key. */
  enc: string;
  /** base64 of the AEAD ciphertext. */
  ciphertext: string;
}

export async function generatePlatformKeyPair(): Promise<CryptoKeyPair> {
  return hpkeSuite.kem.generateKeyPair();
}

/** The platform's public key as base64url of the raw uncompressed point, as enrolment hands it out. */
export async function exportPlatformPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await hpkeSuite.kem.serializePublicKey(key)));
}

export async function importPlatformPublicKey(raw: string): Promise<CryptoKey> {
  return hpkeSuite.kem.deserializePublicKey(asBufferSource(fromBase64Url(raw)));
}

export async function exportPlatformPrivateKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await hpkeSuite.kem.serializePrivateKey(key)));
}

export async function importPlatformPrivateKey(raw: string): Promise<CryptoKey> {
  return hpkeSuite.kem.deserializePrivateKey(asBufferSource(fromBase64Url(raw)));
}

/** The kiosk seals; `aad` binds the clear header so that neither part can be swapped. */
export async function sealEnvelope(
  platformPublicKey: CryptoKey,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Promise<SealedData> {
  const { ct, enc } = await hpkeSuite.seal(
    { recipientPublicKey: platformPublicKey, info: INFO_ENVELOPE },
    asBufferSource(plaintext),
    asBufferSource(aad),
  );
  return { enc: toBase64Url(new Uint8Array(enc)), ciphertext: toBase64(new Uint8Array(ct)) };
}

/** The platform opens; throws SealOpenError on any tampering or wrong key. */
export async function openEnvelope(
  platformPrivateKey: CryptoKey,
  sealed: SealedData,
  aad: Uint8Array,
): Promise<Uint8Array> {
  let enc: Uint8Array;
  let ct: Uint8Array;
  try {
    enc = fromBase64Url(sealed.enc);
    ct = fromBase64(sealed.ciphertext);
  } catch {
    throw new SealOpenError('enc or ciphertext is not valid base64');
  }
  if (enc.byteLength !== HPKE_ENC_BYTES) throw new SealOpenError('enc has the wrong length');
  try {
    const pt = await hpkeSuite.open(
      { recipientKey: platformPrivateKey, enc: asBufferSource(enc), info: INFO_ENVELOPE },
      asBufferSource(ct),
      asBufferSource(aad),
    );
    return new Uint8Array(pt);
  } catch {
    throw new SealOpenError();
  }
}

/** The associated data of one attachment: its envelope and its own id. */
export function attachmentAad(applicationId: string, attachmentId: string): Uint8Array {
  return utf8(`budayang/v1 ${applicationId}/${attachmentId}`);
}

/** A sealed attachment blob is `enc || ciphertext`: what travels by tus and what its digest covers. */
export async function sealAttachment(
  platformPublicKey: CryptoKey,
  bytes: Uint8Array,
  aad: Uint8Array,
): Promise<Uint8Array> {
  const { ct, enc } = await hpkeSuite.seal(
    { recipientPublicKey: platformPublicKey, info: INFO_ATTACHMENT },
    asBufferSource(bytes),
    asBufferSource(aad),
  );
  return concatBytes(new Uint8Array(enc), new Uint8Array(ct));
}

export async function openAttachment(
  platformPrivateKey: CryptoKey,
  blob: Uint8Array,
  aad: Uint8Array,
): Promise<Uint8Array> {
  if (blob.byteLength <= HPKE_ENC_BYTES) throw new SealOpenError('the blob is too short');
  try {
    const pt = await hpkeSuite.open(
      {
        recipientKey: platformPrivateKey,
        enc: asBufferSource(blob.subarray(0, HPKE_ENC_BYTES)),
        info: INFO_ATTACHMENT,
      },
      asBufferSource(blob.subarray(HPKE_ENC_BYTES)),
      asBufferSource(aad),
    );
    return new Uint8Array(pt);
  } catch {
    throw new SealOpenError();
  }
}
