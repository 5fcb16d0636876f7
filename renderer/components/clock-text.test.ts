import { describe, expect, it } from 'vitest';
import { clockText } from './clock-text';

describe('clockText', () => {
  const at = new Date(2025, 2, 1, 9, 5, 59);

  it('shows the date with its weekday and the time to the minute, 24-hour', () => {
    expect(clockText(at, 'zh-CN')).toEqual({ date: '2025年3月1日星期六', time: '09:05' });
    expect(clockText(at, 'en').time).toBe('09:05');
    expect(clockText(at, 'en').date).toContain('Saturday');
  });

  it('gives the same text on every call for the same minute', () => {
    expect(clockText(new Date(2025, 2, 1, 9, 5, 0), 'zh-CN')).toEqual(clockText(at, 'zh-CN'));
  });
});
