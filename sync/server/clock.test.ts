import { describe, expect, it } from 'vitest';
import { chinaDate } from './clock';

describe('chinaDate', () => {
  it('turns the date at 16:00 UTC, midnight in China', () => {
    expect(chinaDate(Date.parse('2026-12-04T15:59:59.999Z'))).toBe('2026-12-04');
    expect(chinaDate(Date.parse('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
  });
});
