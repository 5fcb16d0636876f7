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
 * Kiosks and their verifying keys. A kiosk's record and imported CryptoKey are cached per id:
 * its key and receipt prefix never change. Revocation is not taken from the cache: the nonce
 * store reads it with every request (nonce-store.ts), so that a revocation on one instance
 * takes effect on all.
 */
export class KioskRegistry {
  private readonly keys = new Map<string, CryptoKey>();
  private readonly records = new Map<string, KioskRecord>();

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

  /** The kiosk as enrolled; `revokedAt` as it was when first read (see the class comment). */
  async find(id: string): Promise<KioskRecord | undefined> {
    const cached = this.records.get(id);
    if (cached !== undefined) return cached;
    const rows = await this.db.query<{
      id: string;
      public_jwk: string;
      receipt_prefix: string;
      revoked_at: number | null;
    }>('SELECT id, public_jwk, receipt_prefix, revoked_at FROM kiosks WHERE id = $1', [id]);
    const row = rows[0];
    if (row === undefined) return undefined;
    const record: KioskRecord = {
      id: row.id,
      publicJwk: JSON.parse(row.public_jwk) as EcPublicJwk,
      receiptPrefix: row.receipt_prefix,
      revokedAt: row.revoked_at,
    };
    // A revoked kiosk stays revoked, so caching it is safe; an unrevoked one is re-checked
    // with every nonce.
    this.records.set(id, record);
    return record;
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
