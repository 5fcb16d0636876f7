import type { Database } from './database';

/**
 * Nonces seen within the replay window, in the database so that a replay sent to another
 * instance is caught too. Rows outlive the window by a margin and are swept now and then.
 */
export class NonceStore {
  private lastSweep = 0;

  constructor(
    private readonly db: Database,
    private readonly windowMs: number,
  ) {}

  /**
   * Remembers the nonce of a kiosk that is still enrolled and unrevoked: `fresh` then, else
   * `replayed` or `revoked`. One statement in the usual case, so that reading the revocation
   * on every request (a revocation on one instance holds on all) costs no round trip of its own.
   */
  async remember(
    kioskId: string,
    nonce: string,
    now: number,
  ): Promise<'fresh' | 'replayed' | 'revoked'> {
    const changed = await this.db.run(
      `INSERT INTO nonces (kiosk_id, nonce, expires_at)
       SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM kiosks WHERE id = $1 AND revoked_at IS NULL)
       ON CONFLICT (kiosk_id, nonce) DO NOTHING`,
      [kioskId, nonce, now + 2 * this.windowMs],
    );
    if (now - this.lastSweep > this.windowMs) {
      this.lastSweep = now;
      await this.db.run('DELETE FROM nonces WHERE expires_at < $1', [now]);
    }
    if (changed === 1) return 'fresh';
    const live = await this.db.query(
      'SELECT 1 AS live FROM kiosks WHERE id = $1 AND revoked_at IS NULL',
      [kioskId],
    );
    return live.length === 0 ? 'revoked' : 'replayed';
  }
}
