import { randomInt } from 'node:crypto';
import { importVerifyingKey } from '../protocol/http-signature';
import type { EcPublicJwk } from '../protocol/enrolment';
import type { Database, Queryable } from './database';

export interface KioskRecord {
  id: string;
  publicJwk: EcPublicJwk;
  receiptPrefix: string;
  revokedAt: number | null;
}

const PREFIX_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function makeReceiptPrefix(): string {
  return `K${Array.from({ length: 5 }, () => PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)]).join('')}`;
}

/**
 * Kiosks and their verifying keys. The imported CryptoKey is cached per kiosk id (a kiosk's
 * key never changes), but revocation is read from the database on every request so that a
 * revocation on one instance takes effect on all.
 */
export class KioskRegistry {
  private readonly keys = new Map<string, CryptoKey>();

  constructor(private readonly db: Database) {}

  async insert(
    tx: Queryable,
    kiosk: {
      id: string;
      publicJwk: EcPublicJwk;
      label?: string;
      appVersion?: string;
      receiptPrefix: string;
      now: number;
    },
  ): Promise<void> {
    await tx.run(
      'INSERT INTO kiosks (id, public_jwk, label, receipt_prefix, enrolled_at, app_version) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        kiosk.id,
        JSON.stringify(kiosk.publicJwk),
        kiosk.label ?? null,
        kiosk.receiptPrefix,
        kiosk.now,
        kiosk.appVersion ?? null,
      ],
    );
  }

  async find(id: string): Promise<KioskRecord | undefined> {
    const rows = await this.db.query<{
      id: string;
      public_jwk: string;
      receipt_prefix: string;
      revoked_at: number | null;
    }>('SELECT id, public_jwk, receipt_prefix, revoked_at FROM kiosks WHERE id = $1', [id]);
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      id: row.id,
      publicJwk: JSON.parse(row.public_jwk) as EcPublicJwk,
      receiptPrefix: row.receipt_prefix,
      revokedAt: row.revoked_at,
    };
  }

  async verifyingKey(kiosk: KioskRecord): Promise<CryptoKey> {
    let key = this.keys.get(kiosk.id);
    if (key === undefined) {
      key = await importVerifyingKey(kiosk.publicJwk);
      this.keys.set(kiosk.id, key);
    }
    return key;
  }

  async revoke(id: string, now: number): Promise<boolean> {
    return (
      (await this.db.run('UPDATE kiosks SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
        now,
        id,
      ])) === 1
    );
  }
}
