/** Injected so that tests move time instead of waiting for it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar date in China (UTC+8, no daylight saving) at `ms`, as YYYY-MM-DD. */
export function chinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
