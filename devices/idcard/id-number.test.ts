import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckCharacter, isValidIdNumber } from './id-number';

describe('GB 11643 ID number check', () => {
  it('accepts the doc example and HMT/foreigner-style numbers with a right check character', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ valid: true });
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    const hmt = '81000019900101001';
    expect(isValidIdNumber(hmt + idNumberCheckCharacter(hmt))).toBe(true);
  });

  it('names the problem', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({
      valid: false,
      problem: 'check-character',
    });
    expect(checkIdNumber('11010519491331002X')).toEqual({ valid: false, problem: 'birth-date' });
    expect(checkIdNumber('11010519490229002X')).toEqual({ valid: false, problem: 'birth-date' });
    expect(checkIdNumber('1101051949123100')).toEqual({ valid: false, problem: 'format' });
    expect(checkIdNumber('')).toEqual({ valid: false, problem: 'format' });
  });

  it('catches every single-digit change of a valid number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100000, max: 999999 }),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (region, birth, sequence, position, delta) => {
          const first17 = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
          const id = first17 + idNumberCheckCharacter(first17);
          expect(isValidIdNumber(id)).toBe(true);
          const changed =
            first17.slice(0, position) +
            ((Number(first17[position]) + delta) % 10) +
            first17.slice(position + 1);
          expect(checkIdNumber(changed + id[17]).valid).toBe(false);
        },
      ),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void checkIdNumber(s)));
  });
});
