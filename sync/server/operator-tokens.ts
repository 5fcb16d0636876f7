import { createHash, randomBytes } from 'node:crypto';
import type { Database } from './database';

/** Bearer tokens for the operator API; only their SHA-256 is stored. */

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createOperatorToken(
  db: Database,
  now: number,
  label = 'operator',
): Promise<string> {
  const token = `op_${randomBytes(32).toString('base64url')}`;
  await db.run('INSERT INTO operator_tokens (token_hash, label, created_at) VALUES ($1, $2, $3)', [
    hashToken(token),
    label,
    now,
  ]);
  return token;
}

export async function isOperatorToken(
  db: Database,
  authorization: string | undefined,
): Promise<boolean> {
  const match = /^Bearer (op_[A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  if (match === null) return false;
  const rows = await db.query('SELECT 1 AS ok FROM operator_tokens WHERE token_hash = $1', [
    hashToken(match[1]!),
  ]);
  return rows.length === 1;
}
