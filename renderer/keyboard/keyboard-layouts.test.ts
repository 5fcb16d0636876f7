import { describe, expect, it } from 'vitest';
import { formatDateDigits, layoutRows } from './keyboard-layouts';

describe('keyboard layouts', () => {
  it('formats dates while they are typed', () => {
    expect(formatDateDigits('2024')).toBe('2024');
    expect(formatDateDigits('20240')).toBe('2024-0');
    expect(formatDateDigits('20240501')).toBe('2024-05-01');
    expect(formatDateDigits('2024-05-019')).toBe('2024-05-01');
  });

  it('offers a switch to every other layout but the current one', () => {
    const last = layoutRows('pinyin', ['pinyin', 'english', 'numeric']).at(-1);
    expect(last).toContain('{english}');
    expect(last).toContain('{numeric}');
    expect(last).not.toContain('{pinyin}');
  });

  it('has X on the ID number pad', () => {
    expect(layoutRows('idNumber', []).join(' ')).toContain('X');
  });
});
