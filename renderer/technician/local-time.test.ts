import { describe, expect, it } from 'vitest';
import { formatLocalTime, formatTimeAgo, localDate, toEpochMs } from './local-time';
import { translator } from '../../domain/i18n/translator';

// Built from local fields, so the expectations hold in any time zone.
const now = new Date(2025, 2, 1, 15, 0, 0).getTime();

describe('local time', () => {
  it('shows the time alone today, the date otherwise', () => {
    expect(formatLocalTime(new Date(2025, 2, 1, 3, 4, 5).getTime(), now)).toBe('03:04:05');
    expect(formatLocalTime(new Date(2025, 1, 28, 23, 59, 1).getTime(), now)).toBe(
      '2025-02-28 23:59',
    );
    expect(formatLocalTime(Number.NaN, now)).toBe('—');
    expect(localDate(now)).toBe('2025-03-01');
  });

  it('says when and how long ago, in each language', () => {
    const at = new Date(2025, 2, 1, 14, 55, 0).getTime();
    expect(formatTimeAgo(at, now, translator('zh-CN'))).toBe('14:55:00（5分0秒前）');
    expect(formatTimeAgo(at, now, translator('en'))).toBe('14:55:00 (5 min 0 s ago)');
  });

  it('reads epoch ms and ISO strings', () => {
    expect(toEpochMs(5)).toBe(5);
    expect(toEpochMs('1970-01-01T00:00:01Z')).toBe(1000);
    expect(toEpochMs('never')).toBeUndefined();
    expect(toEpochMs(null)).toBeUndefined();
  });
});
