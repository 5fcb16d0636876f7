import { fromBase64, toBase64Url } from './base64';
import { asBufferSource, utf8 } from './bytes';
import { normaliseIdNumber } from '../../domain/id-number';

/**
 * The keyed hash that stands in for an ID number on the wire and in the kiosk's storage.
 * The key (`lookupKey`, issued at enrolment) is the same across the fleet, so progress can
 * be looked up at any kiosk; without it the hash cannot be brute-forced over the small
 * space of valid ID numbers.
 */

const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;

/** Imports the enrolment's base64 lookupKey as a non-extractable HMAC key. */
export async function importLookupKey(lookupKey: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    asBufferSource(fromBase64(lookupKey)),
    HMAC_SHA256,
    false,
    ['sign'],
  );
}

export async function idHash(key: CryptoKey, idNumber: string): Promise<string> {
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, utf8(normaliseIdNumber(idNumber)));
  return toBase64Url(new Uint8Array(mac));
}

/** base64url of 32 bytes. */
export const ID_HASH_PATTERN = /^[A-Za-z0-9_-]{43}$/;
