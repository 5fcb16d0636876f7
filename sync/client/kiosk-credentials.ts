import type { EnrolmentResponse } from '../protocol/enrolment';
import { exportPublicJwk, generateSigningKeyPair } from '../protocol/http-signature';
import { importLookupKey } from '../protocol/id-hash';

/**
 * What enrolment leaves on the kiosk, stored as is in IndexedDB. The private signing key and
 * the lookup key are non-extractable CryptoKeys: structured clone keeps them usable across
 * restarts while no script, not even the kiosk's own, can read their bytes out.
 */
export interface KioskCredentials {
  kioskId: string;
  receiptPrefix: string;
  platformUrl: string;
  signingKey: CryptoKey;
  publicJwk: JsonWebKey;
  lookupKey: CryptoKey;
  /** base64url of the platform's HPKE public key (imported when sealing). */
  platformEncryptionKey: string;
  enrolledAt: number;
}

export async function newSigningKeyPair(): Promise<{
  signingKey: CryptoKey;
  publicJwk: JsonWebKey;
}> {
  const pair = await generateSigningKeyPair(false);
  return { signingKey: pair.privateKey, publicJwk: await exportPublicJwk(pair.publicKey) };
}

export async function credentialsFromEnrolment(
  response: EnrolmentResponse,
  keys: { signingKey: CryptoKey; publicJwk: JsonWebKey },
  platformUrl: string,
  now: number,
): Promise<KioskCredentials> {
  return {
    kioskId: response.kioskId,
    receiptPrefix: response.receiptPrefix,
    platformUrl,
    signingKey: keys.signingKey,
    publicJwk: keys.publicJwk,
    lookupKey: await importLookupKey(response.lookupKey),
    platformEncryptionKey: response.platformEncryptionKey,
    enrolledAt: now,
  };
}
