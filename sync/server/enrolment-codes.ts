import { createHash, randomInt } from 'node:crypto';
import type { Queryable } from './database';

/** Crockford-like alphabet without 0/O, 1/I: a technician reads the code off a phone. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export function hashCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('hex');
}

function makeCode(): string {
  const groups = [0, 1, 2].map(() =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export async function createEnrolmentCode(
  db: Queryable,
  now: number,
  ttlMs = ENROLMENT_CODE_TTL_MS,
): Promise<{ code: string; expiresAt: number }> {
  const code = makeCode();
  const expiresAt = now + ttlMs;
  await db.run(
    'INSERT INTO enrolment_codes (code_hash, created_at, expires_at) VALUES ($1, $2, $3)',
    [hashCode(code), now, expiresAt],
  );
  return { code, expiresAt };
}

/** Marks the code used; false when it is unknown, used or expired. Only the hash is stored. */
export async function consumeEnrolmentCode(
  tx: Queryable,
  code: string,
  kioskId: string,
  now: number,
): Promise<boolean> {
  const changed = await tx.run(
    'UPDATE enrolment_codes SET used_at = $1, kiosk_id = $2 WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $1',
    [now, kioskId, hashCode(code)],
  );
  return changed === 1;
}
