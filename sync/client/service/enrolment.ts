import { EnrolmentCode } from '../../protocol/enrolment';
import { HttpPlatform } from '../http-platform';
import type { KioskHttp } from '../kiosk-http';
import {
  credentialsFromEnrolment,
  newSigningKeyPair,
  type KioskCredentials,
} from '../kiosk-credentials';
import {
  loadCredentials,
  pendingSigningKey,
  savePendingSigningKey,
  saveCredentials,
} from '../dexie/credentials-store';
import type { KioskDb } from '../dexie/kiosk-db';

export interface EnrolmentOptions {
  platformUrl: string;
  enrolmentCode?: string;
  /** Where the kiosk stands, sent at enrolment (no personal data). */
  label?: string;
}

/**
 * The kiosk's credentials: those saved, or, with an enrolment code, new ones from the
 * platform. The signing key is saved before it is sent, so that a kill between the platform's
 * answer and the save enrols the same key again rather than a second one.
 */
export async function enrolKiosk(
  db: KioskDb,
  http: KioskHttp,
  options: EnrolmentOptions,
): Promise<KioskCredentials | undefined> {
  const saved = await loadCredentials(db);
  if (saved || !options.enrolmentCode) return saved;
  const code = EnrolmentCode.parse(options.enrolmentCode);
  const keys = (await pendingSigningKey(db)) ?? (await newSigningKeyPair());
  await savePendingSigningKey(db, keys);
  const response = await new HttpPlatform(http).enrol({
    code,
    publicKey: keys.publicJwk as { kty: 'EC'; crv: 'P-256'; x: string; y: string },
    ...(options.label ? { label: options.label } : {}),
  });
  const credentials = await credentialsFromEnrolment(
    response,
    keys,
    options.platformUrl,
    Date.now(),
  );
  await saveCredentials(db, credentials);
  return credentials;
}
