// The idle timer as a pure function of time, so it is tested without clocks. WCAG 2.2.1:
// a visible warning of at least 20 s, continued with one touch, before the privacy wipe.

export interface TimerPolicy {
  /** Inactivity after which the warning appears. */
  idleSeconds: number;
  /** How long the warning counts down before the session ends; at least 20 s. */
  warningSeconds: number;
}

export type TimerPhase =
  | { phase: 'active'; secondsToWarning: number }
  | { phase: 'warning'; secondsLeft: number }
  | { phase: 'expired' };

export const MIN_WARNING_SECONDS = 20;

/** Elderly mode doubles both spans: reading and typing take longer. */
export function timerPolicy(idleTimeoutSeconds: number, elderly: boolean): TimerPolicy {
  const factor = elderly ? 2 : 1;
  return {
    idleSeconds: Math.max(30, idleTimeoutSeconds) * factor,
    warningSeconds: Math.max(MIN_WARNING_SECONDS, 30) * factor,
  };
}

export function timerPhase(lastActivityMs: number, nowMs: number, policy: TimerPolicy): TimerPhase {
  const idle = Math.max(0, (nowMs - lastActivityMs) / 1000);
  if (idle < policy.idleSeconds) {
    return { phase: 'active', secondsToWarning: Math.ceil(policy.idleSeconds - idle) };
  }
  const intoWarning = idle - policy.idleSeconds;
  const warning = Math.max(MIN_WARNING_SECONDS, policy.warningSeconds);
  if (intoWarning < warning)
    return { phase: 'warning', secondsLeft: Math.ceil(warning - intoWarning) };
  return { phase: 'expired' };
}
