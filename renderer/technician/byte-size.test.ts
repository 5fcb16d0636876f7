import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatBytes, usagePercent } from './byte-size';

describe('byte size', () => {
  it('formats in powers of 1024', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(52 * 1024 * 1024)).toBe('52 MB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1 MB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('gives the share of the quota when both are known', () => {
    expect(usagePercent(25, 100)).toBe(25);
    expect(usagePercent(5, 0)).toBeUndefined();
    expect(usagePercent(null, 100)).toBeUndefined();
    expect(usagePercent(300, 100)).toBe(100);
  });

  it('always shows at most four digits and a unit', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatBytes(n)).toMatch(/^\d{1,4}(\.\d)? (B|KB|MB|GB|TB)$/);
      }),
    );
  });
});
