import { describe, expect, it } from 'vitest';
import { KioskError } from '../bridge/contract';
import { TechnicianAuth, hashPin } from './technician-auth';

function auth(now: { t: number }) {
  return new TechnicianAuth({
    pin: hashPin('246810'),
    now: () => now.t,
    maxFailures: 3,
    lockoutMs: 60_000,
    tokenTtlMs: 1000,
  });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof KioskError ? e.code : 'other';
  }
  return undefined;
}

describe('TechnicianAuth', () => {
  it('gives a token for the right PIN that expires', () => {
    const now = { t: 0 };
    const a = auth(now);
    const { token } = a.login('246810');
    expect(codeOf(() => a.verify(token))).toBeUndefined();
    now.t = 1000;
    expect(codeOf(() => a.verify(token))).toBe('UNAUTHORIZED');
  });

  it('locks out after repeated wrong PINs, even for the right one', () => {
    const now = { t: 0 };
    const a = auth(now);
    for (let i = 0; i < 3; i++) expect(codeOf(() => a.login('000000'))).toBe('UNAUTHORIZED');
    expect(codeOf(() => a.login('246810'))).toBe('LOCKED_OUT');
    now.t = 60_001;
    expect(codeOf(() => a.login('246810'))).toBeUndefined();
  });

  it('forgets a token on logout and never accepts an unknown one', () => {
    const a = auth({ t: 0 });
    const { token } = a.login('246810');
    a.logout(token);
    expect(codeOf(() => a.verify(token))).toBe('UNAUTHORIZED');
    expect(codeOf(() => a.verify('forged'))).toBe('UNAUTHORIZED');
  });
});
