import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { receiptNumberFromScan } from './receipt-code';

describe('receipt code', () => {
  it('reads the number from a progress URL or as it is', () => {
    expect(receiptNumberFromScan('K01-20250101-0001')).toBe('K01-20250101-0001');
    expect(receiptNumberFromScan('https://platform.example/progress?r=K01-20250101-0001')).toBe(
      'K01-20250101-0001',
    );
    expect(receiptNumberFromScan('https://platform.example/progress/K01-20250101-0001')).toBe(
      'K01-20250101-0001',
    );
  });

  it('returns nothing for other codes, and never throws', () => {
    expect(receiptNumberFromScan('{"idNumber":"x"}')).toBeUndefined();
    fc.assert(fc.property(fc.string(), (s) => void receiptNumberFromScan(s)));
  });
});
