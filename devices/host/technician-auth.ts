import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { KioskError } from '../bridge/contract';

// The technician's PIN guards device configuration on a kiosk that stands in a public room,
// so a wrong PIN costs time: after `maxFailures` in a row, logins are refused for a while.

export interface PinHash {
  salt: string;
  hash: string;
}

const KEY_LENGTH = 32;

export function hashPin(pin: string, salt = randomBytes(16).toString('base64')): PinHash {
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH).toString('base64') };
}

function pinMatches(pin: string, stored: PinHash): boolean {
  const candidate = scryptSync(pin, stored.salt, KEY_LENGTH);
  const expected = Buffer.from(stored.hash, 'base64');
  return expected.length === candidate.length && timingSafeEqual(candidate, expected);
}

export interface TechnicianAuthOptions {
  pin: PinHash;
  now?: () => number;
  tokenTtlMs?: number;
  maxFailures?: number;
  lockoutMs?: number;
}

export class TechnicianAuth {
  readonly #pin: PinHash;
  readonly #now: () => number;
  readonly #ttl: number;
  readonly #maxFailures: number;
  readonly #lockoutMs: number;
  readonly #tokens = new Map<string, number>();
  #failures = 0;
  #lockedUntil = 0;

  constructor(options: TechnicianAuthOptions) {
    this.#pin = options.pin;
    this.#now = options.now ?? Date.now;
    this.#ttl = options.tokenTtlMs ?? 15 * 60_000;
    this.#maxFailures = options.maxFailures ?? 5;
    this.#lockoutMs = options.lockoutMs ?? 5 * 60_000;
  }

  login(pin: string): { token: string; expiresAt: string } {
    const now = this.#now();
    if (now < this.#lockedUntil) {
      throw new KioskError('LOCKED_OUT', 'too many wrong PINs; try again later', {
        retryAfterSeconds: Math.ceil((this.#lockedUntil - now) / 1000),
      });
    }
    if (!pinMatches(pin, this.#pin)) {
      this.#failures += 1;
      if (this.#failures >= this.#maxFailures) {
        this.#failures = 0;
        this.#lockedUntil = now + this.#lockoutMs;
      }
      throw new KioskError('UNAUTHORIZED', 'wrong PIN');
    }
    this.#failures = 0;
    const token = randomBytes(24).toString('base64url');
    const expires = now + this.#ttl;
    this.#tokens.set(token, expires);
    return { token, expiresAt: new Date(expires).toISOString() };
  }

  verify(token: string): void {
    const expires = this.#tokens.get(token);
    if (expires === undefined || expires <= this.#now()) {
      this.#tokens.delete(token);
      throw new KioskError('UNAUTHORIZED', 'technician login required');
    }
  }

  logout(token: string): void {
    this.#tokens.delete(token);
  }
}
