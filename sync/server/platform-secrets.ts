import { createECDH } from 'node:crypto';
import {
  exportPlatformPrivateKey,
  exportPlatformPublicKey,
  generatePlatformKeyPair,
  importPlatformPrivateKey,
} from '../protocol/seal';
import { ECDSA_P256, exportPublicJwk } from '../protocol/http-signature';
import { fromBase64Url, toBase64, toBase64Url } from '../protocol/base64';
import type { EcPublicJwk } from '../protocol/enrolment';
import type { Database } from './database';

/**
 * The platform's keys live in the database, not in a file, so every instance behind a load
 * balancer opens the same envelopes and signs with the same key. The first instance to
 * start creates them; a racing one keeps whichever row won.
 */

export interface PlatformSecrets {
  hpkePrivateKey: CryptoKey;
  /** base64url raw scalar, for the native opener. */
  hpkePrivateRaw: string;
  hpkePublicKey: string;
  signingKey: CryptoKey;
  signingPublicJwk: EcPublicJwk;
  signingKeyId: string;
  lookupKey: string;
  lookupHmacKey: CryptoKey;
}

/** The uncompressed public point of a raw P-256 private scalar, for a key supplied from outside. */
function publicPointOf(privateKey: string): string {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(fromBase64Url(privateKey));
  return toBase64Url(new Uint8Array(ecdh.getPublicKey()));
}

async function storeIfAbsent(
  db: Database,
  name: string,
  make: () => Promise<string>,
): Promise<string> {
  const existing = await db.query<{ value: string }>(
    'SELECT value FROM platform_secrets WHERE name = $1',
    [name],
  );
  if (existing[0] !== undefined) return existing[0].value;
  await db.run(
    'INSERT INTO platform_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
    [name, await make()],
  );
  const stored = await db.query<{ value: string }>(
    'SELECT value FROM platform_secrets WHERE name = $1',
    [name],
  );
  return stored[0]!.value;
}

/** `hpkePrivateKey` (base64url, as exportPlatformPrivateKey gives it) overrides the stored one, e.g. from an HSM export. */
export async function loadPlatformSecrets(
  db: Database,
  hpkePrivateKey?: string,
): Promise<PlatformSecrets> {
  const hpke = JSON.parse(
    await storeIfAbsent(db, 'hpke', async () => {
      const pair = await generatePlatformKeyPair();
      return JSON.stringify({
        privateKey: await exportPlatformPrivateKey(pair.privateKey),
        publicKey: await exportPlatformPublicKey(pair.publicKey),
      });
    }),
  ) as { privateKey: string; publicKey: string };
  const signing = JSON.parse(
    await storeIfAbsent(db, 'signing', async () => {
      const pair = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
      return JSON.stringify({
        privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
        keyId: `platform-${crypto.randomUUID().slice(0, 8)}`,
      });
    }),
  ) as { privateJwk: JsonWebKey; keyId: string };
  const lookupKey = await storeIfAbsent(db, 'lookup', async () =>
    toBase64(crypto.getRandomValues(new Uint8Array(32))),
  );

  const privateKey = await importPlatformPrivateKey(hpkePrivateKey ?? hpke.privateKey);
  const publicKey = hpkePrivateKey === undefined ? hpke.publicKey : publicPointOf(hpkePrivateKey);
  const signingKey = await crypto.subtle.importKey('jwk', signing.privateJwk, ECDSA_P256, false, [
    'sign',
  ]);
  const { d: _d, ...publicSigningJwk } = signing.privateJwk;
  const verifying = await crypto.subtle.importKey(
    'jwk',
    { ...publicSigningJwk, key_ops: ['verify'] },
    ECDSA_P256,
    true,
    ['verify'],
  );
  const lookupHmacKey = await crypto.subtle.importKey(
    'raw',
    Uint8Array.from(atob(lookupKey), (c) => c.charCodeAt(0)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return {
    hpkePrivateKey: privateKey,
    hpkePrivateRaw: hpkePrivateKey ?? hpke.privateKey,
    hpkePublicKey: publicKey,
    signingKey,
    signingPublicJwk: (await exportPublicJwk(verifying)) as EcPublicJwk,
    signingKeyId: signing.keyId,
    lookupKey,
    lookupHmacKey,
  };
}
