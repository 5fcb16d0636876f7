import { formatDuration } from './duration';
import type { Translate } from '../../domain/i18n/translator';

// Wall-clock times on the console, in the kiosk's local time zone: the time alone for
// today ("14:03:22"), with the date otherwise ("2025-03-01 14:03").

const pad = (n: number) => String(n).padStart(2, '0');

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

export function formatLocalTime(ms: number, nowMs: number): string {
  if (!Number.isFinite(ms)) return '—';
  const at = new Date(ms);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  if (sameDay(at, new Date(nowMs))) return time;
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${date} ${time.slice(0, 5)}`;
}

/** YYYY-MM-DD of the local day, for comparing with dates printed on cards. */
export function localDate(ms: number): string {
  const at = new Date(ms);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Epoch ms of an ISO string or a number; undefined when missing or unreadable. */
export function toEpochMs(value: number | string | null | undefined): number | undefined {
  if (value == null) return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** "14:03:22（5分0秒前）": when, and how long ago, for states and last successes. */
export function formatTimeAgo(ms: number, nowMs: number, t: Translate): string {
  if (!Number.isFinite(ms)) return t('value.unknown');
  const ago = t('time.ago', { time: formatDuration(nowMs - ms, t) });
  return t('time.atAgo', { at: formatLocalTime(ms, nowMs), ago });
}
