// The technician's signed-in session as a state machine driven by injected time: the console
// feeds it touches and clock ticks, so the rules (token expiry, two minutes without a touch)
// are tested without waiting and the kiosk never stays unlocked in a public room.

export interface SessionPolicy {
  /** Signed out after this long without a touch. */
  idleLimitMs: number;
  /** A countdown is shown this long before the session ends. */
  warningMs: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleLimitMs: 120_000, warningMs: 20_000 };

/** Why the console went back to the PIN pad. */
export type SignOutReason = 'logout' | 'idle' | 'expired' | 'rejected';

export type SessionState =
  | { phase: 'signed-out'; reason?: SignOutReason }
  | {
      phase: 'signed-in';
      token: string;
      /** Host's expiry of the token; Infinity when the host sent none we can read. */
      expiresAtMs: number;
      lastTouchMs: number;
      nowMs: number;
    };

export type SessionEvent =
  | { type: 'login'; token: string; expiresAt: string; now: number }
  | { type: 'touch'; now: number }
  | { type: 'tick'; now: number }
  | { type: 'logout' }
  /** The host refused the token (it restarted, or expired it earlier than we thought). */
  | { type: 'rejected' };

export const signedOut: SessionState = { phase: 'signed-out' };

function expiryOf(expiresAt: string): number {
  const ms = Date.parse(expiresAt);
  // The host checks the token on every admin call anyway; an unreadable expiry only means
  // the idle rule alone ends the session here.
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function endReason(
  state: Extract<SessionState, { phase: 'signed-in' }>,
  now: number,
  policy: SessionPolicy,
): SignOutReason | undefined {
  if (now >= state.expiresAtMs) return 'expired';
  if (now - state.lastTouchMs >= policy.idleLimitMs) return 'idle';
  return undefined;
}

export function sessionReducer(policy: SessionPolicy = defaultSessionPolicy) {
  return (state: SessionState, event: SessionEvent): SessionState => {
    switch (event.type) {
      case 'login':
        return {
          phase: 'signed-in',
          token: event.token,
          expiresAtMs: expiryOf(event.expiresAt),
          lastTouchMs: event.now,
          nowMs: event.now,
        };
      case 'logout':
        return state.phase === 'signed-in' ? { phase: 'signed-out', reason: 'logout' } : state;
      case 'rejected':
        return state.phase === 'signed-in' ? { phase: 'signed-out', reason: 'rejected' } : state;
      case 'touch':
      case 'tick': {
        if (state.phase !== 'signed-in') return state;
        // A late touch (the machine slept through the ticks) must not revive a dead session.
        const reason = endReason(state, event.now, policy);
        if (reason) return { phase: 'signed-out', reason };
        return event.type === 'touch'
          ? { ...state, lastTouchMs: event.now, nowMs: event.now }
          : { ...state, nowMs: event.now };
      }
    }
  };
}

export interface SessionCountdown {
  remainingMs: number;
  endsBy: 'idle' | 'expired';
  /** True inside the warning window: the console shows the countdown. */
  warn: boolean;
}

/** How long the session has left at its last known time, and what will end it. */
export function sessionCountdown(
  state: SessionState,
  policy: SessionPolicy = defaultSessionPolicy,
): SessionCountdown | undefined {
  if (state.phase !== 'signed-in') return undefined;
  const idleLeft = state.lastTouchMs + policy.idleLimitMs - state.nowMs;
  const tokenLeft = state.expiresAtMs - state.nowMs;
  const endsBy = tokenLeft < idleLeft ? 'expired' : 'idle';
  const remainingMs = Math.max(0, Math.min(idleLeft, tokenLeft));
  return { remainingMs, endsBy, warn: remainingMs <= policy.warningMs };
}
