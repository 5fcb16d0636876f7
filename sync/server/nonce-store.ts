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

  /** True when the nonce is fresh (and is now remembered), false on a replay. */
  async remember(kioskId: string, nonce: string, now: number): Promise<boolean> {
    const changed = await this.db.run(
      'INSERT INTO nonces (kiosk_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT (kiosk_id, nonce) DO NOTHING',
      [kioskId, nonce, now + 2 * this.windowMs],
    );
    if (now - this.lastSweep > this.windowMs) {
      this.lastSweep = now;
      await this.db.run('DELETE FROM nonces WHERE expires_at < $1', [now]);
    }
    return changed === 1;
  }
}
