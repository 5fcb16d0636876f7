// Ages and countdowns for a technician: the two largest units, whole numbers, words from
// the console's dictionary ("3分20秒", "3 min 20 s").
import type { Translate } from '../../domain/i18n/translator';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDuration(ms: number, t: Translate): string {
  if (!Number.isFinite(ms)) return t('value.unknown');
  const total = Math.max(0, Math.floor(ms));
  if (total < SECOND) return t('duration.underSecond');
  if (total < MINUTE) return t('duration.seconds', { s: Math.floor(total / SECOND) });
  if (total < HOUR) {
    return t('duration.minutes', {
      m: Math.floor(total / MINUTE),
      s: Math.floor((total % MINUTE) / SECOND),
    });
  }
  if (total < DAY) {
    return t('duration.hours', {
      h: Math.floor(total / HOUR),
      m: Math.floor((total % HOUR) / MINUTE),
    });
  }
  return t('duration.days', { d: Math.floor(total / DAY), h: Math.floor((total % DAY) / HOUR) });
}

/** Whole seconds left, rounded up, for a countdown that must not show 0 while time is left. */
export function secondsLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / SECOND));
}
