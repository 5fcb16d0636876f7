import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  defaultSessionPolicy,
  sessionCountdown,
  sessionReducer,
  signedOut,
  type SessionEvent,
  type SessionState,
} from './technician-session';

const T0 = Date.parse('2025-03-01T03:00:00Z');
const reduce = sessionReducer();
const login = (ttlMs = 15 * 60_000): SessionEvent => ({
  type: 'login',
  token: 'tok',
  expiresAt: new Date(T0 + ttlMs).toISOString(),
  now: T0,
});

function run(events: SessionEvent[], from: SessionState = signedOut): SessionState {
  return events.reduce(reduce, from);
}

describe('technician session', () => {
  it('signs in with the token and its expiry', () => {
    const state = run([login()]);
    expect(state).toMatchObject({ phase: 'signed-in', token: 'tok', expiresAtMs: T0 + 900_000 });
  });

  it('signs out after two minutes without a touch', () => {
    expect(run([login(), { type: 'tick', now: T0 + 119_999 }]).phase).toBe('signed-in');
    expect(run([login(), { type: 'tick', now: T0 + 120_000 }])).toEqual({
      phase: 'signed-out',
      reason: 'idle',
    });
  });

  it('a touch restarts the idle time', () => {
    const state = run([
      login(),
      { type: 'touch', now: T0 + 100_000 },
      { type: 'tick', now: T0 + 200_000 },
    ]);
    expect(state.phase).toBe('signed-in');
  });

  it('signs out when the token expires, touched or not', () => {
    const events: SessionEvent[] = [login(60_000), { type: 'touch', now: T0 + 50_000 }];
    expect(run([...events, { type: 'tick', now: T0 + 60_000 }])).toEqual({
      phase: 'signed-out',
      reason: 'expired',
    });
  });

  it('a touch after a missed deadline does not revive the session', () => {
    expect(run([login(), { type: 'touch', now: T0 + 10 * 60_000 }])).toEqual({
      phase: 'signed-out',
      reason: 'idle',
    });
  });

  it('logout and a refused token end the session; both are no-ops when signed out', () => {
    expect(run([login(), { type: 'logout' }])).toEqual({ phase: 'signed-out', reason: 'logout' });
    expect(run([login(), { type: 'rejected' }])).toEqual({
      phase: 'signed-out',
      reason: 'rejected',
    });
    expect(run([{ type: 'logout' }, { type: 'tick', now: T0 }])).toBe(signedOut);
  });

  it('an unreadable expiry leaves the idle rule in charge', () => {
    const state = run([{ type: 'login', token: 't', expiresAt: 'soon', now: T0 }]);
    expect(state).toMatchObject({ expiresAtMs: Number.POSITIVE_INFINITY });
    expect(sessionCountdown(state)).toEqual({ remainingMs: 120_000, endsBy: 'idle', warn: false });
  });

  it('counts down to whichever comes first and warns in the last 20 s', () => {
    const idle = run([login(), { type: 'tick', now: T0 + 105_000 }]);
    expect(sessionCountdown(idle)).toEqual({ remainingMs: 15_000, endsBy: 'idle', warn: true });
    const expiring = run([login(30_000), { type: 'tick', now: T0 + 5_000 }]);
    expect(sessionCountdown(expiring)).toEqual({
      remainingMs: 25_000,
      endsBy: 'expired',
      warn: false,
    });
    expect(sessionCountdown(signedOut)).toBeUndefined();
  });

  it('never stays signed in past either limit, whatever the order of events', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant('touch' as const), dt: fc.nat(200_000) }),
      fc.record({ type: fc.constant('tick' as const), dt: fc.nat(200_000) }),
    );
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.array(event, { maxLength: 30 }), (ttl, steps) => {
        let now = T0;
        let lastTouch = T0;
        let state = run([login(ttl)]);
        for (const step of steps) {
          now += step.dt;
          const before = state;
          state = reduce(state, { type: step.type, now });
          if (state.phase === 'signed-in') {
            expect(now).toBeLessThan(T0 + ttl);
            expect(now - lastTouch).toBeLessThan(defaultSessionPolicy.idleLimitMs);
            if (step.type === 'touch') lastTouch = now;
            const countdown = sessionCountdown(state);
            expect(countdown?.remainingMs).toBeGreaterThan(0);
          } else if (before.phase === 'signed-in') {
            break;
          }
        }
      }),
    );
  });
});
