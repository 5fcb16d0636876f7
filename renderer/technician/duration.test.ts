import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, secondsLeft } from './duration';
import { translator } from '../../domain/i18n/translator';

const zh = translator('zh-CN');
const en = translator('en');

describe('duration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(400, zh)).toBe('不到1秒');
    expect(formatDuration(45_000, zh)).toBe('45秒');
    expect(formatDuration(200_000, zh)).toBe('3分20秒');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 59_000, en)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000, en)).toBe('3 d 4 h');
    expect(formatDuration(-5, en)).toBe('under 1 s');
    expect(formatDuration(Number.NaN, en)).toBe('Unknown');
  });

  it('rounds a countdown up so it shows 0 only when time is up', () => {
    expect(secondsLeft(0)).toBe(0);
    expect(secondsLeft(1)).toBe(1);
    expect(secondsLeft(19_001)).toBe(20);
  });

  it('never leaves a placeholder unfilled', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (ms) => {
        expect(formatDuration(ms, zh)).not.toMatch(/[{}]/);
        expect(formatDuration(ms, en)).not.toMatch(/[{}]/);
      }),
    );
  });
});
