import type { KioskCredentials } from '../kiosk-credentials';
import type { KioskDb } from './kiosk-db';

const CREDENTIALS = 'credentials';
const PENDING_KEYS = 'pendingSigningKey';

export async function loadCredentials(db: KioskDb): Promise<KioskCredentials | undefined> {
  return (await db.meta.get(CREDENTIALS))?.value as KioskCredentials | undefined;
}

export async function saveCredentials(db: KioskDb, credentials: KioskCredentials): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: CREDENTIALS, value: credentials });
    await db.meta.delete(PENDING_KEYS);
  });
}

/**
 * The key pair generated for an enrolment in flight. Kept so that a kiosk killed between
 * posting its key and storing the answer retries with the same key rather than a new one.
 */
export async function pendingSigningKey(
  db: KioskDb,
): Promise<{ signingKey: CryptoKey; publicJwk: JsonWebKey } | undefined> {
  return (await db.meta.get(PENDING_KEYS))?.value as
    { signingKey: CryptoKey; publicJwk: JsonWebKey } | undefined;
}

export async function savePendingSigningKey(
  db: KioskDb,
  keys: { signingKey: CryptoKey; publicJwk: JsonWebKey },
): Promise<void> {
  await db.meta.put({ key: PENDING_KEYS, value: keys });
}
