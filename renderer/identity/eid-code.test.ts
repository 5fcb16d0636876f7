import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { identityFromScan } from './eid-code';

describe('e-ID code', () => {
  it('reads a bare number and a JSON code', () => {
    expect(identityFromScan('11010519491231002X')?.birthDate).toBe('1949-12-31');
    const identity = identityFromScan('{"idNumber":"11010519491231002X","name":"张小三"}');
    expect(identity?.name).toBe('张小三');
    expect(identity?.sex).toBe('female');
  });

  it('rejects anything else without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const identity = identityFromScan(text);
        if (identity) expect(identity.idNumberValid).toBe(true);
      }),
    );
    expect(identityFromScan('110105194912310021')).toBeUndefined();
    expect(identityFromScan('https://example.org/?r=1')).toBeUndefined();
  });
});
