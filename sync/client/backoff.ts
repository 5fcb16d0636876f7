/**
 * Exponential backoff with full jitter (the "Full Jitter" variant): the delay is drawn
 * uniformly from [0, min(cap, base · 2^attempt)). Drawing from the whole range, rather than
 * adding a little noise to a fixed delay, is what spreads a fleet of kiosks that all lost
 * the link at the same moment, so the platform is not hit by all of them at once when it
 * comes back.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const applicationBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** `attempt` counts failures so far (1 after the first). `random` is in [0, 1). */
export function fullJitterDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
