import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCharacter, idNumberProblem, isValidIdNumber } from './id-number';

const today = new Date(Date.UTC(2025, 0, 1));

describe('GB 11643 ID number check', () => {
  it('accepts the standard example', () => {
    expect(isValidIdNumber('11010519491231002X', today)).toBe(true);
    expect(isValidIdNumber('11010519491231002x', today)).toBe(true);
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('1101051949', today)).toBe('length');
    expect(idNumberProblem('11010519491231002Y', today)).toBe('characters');
    expect(idNumberProblem('110105194902300021', today)).toBe('birthDate');
    expect(idNumberProblem('110105194912310021', today)).toBe('checksum');
  });

  it('rejects a birth date in the future', () => {
    const id17 = '11010520300101001';
    expect(idNumberProblem(id17 + checkCharacter(id17), today)).toBe('birthDate');
  });

  it('accepts any well-formed number with its own check character', () => {
    const digits = (n: number) =>
      fc
        .array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
        .map((d) => d.join(''));
    fc.assert(
      fc.property(
        digits(6),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
        digits(3),
        (area, birth, seq) => {
          const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
          const first17 = area + ymd + seq;
          expect(isValidIdNumber(first17 + checkCharacter(first17), today)).toBe(true);
        },
      ),
    );
  });

  it('detects any single changed digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const valid = '11010519491231002X';
        if (pos >= 6 && pos < 14) return; // birth-date digits may fail on the date instead
        const changed =
          valid.slice(0, pos) + ((Number(valid[pos]) + delta) % 10) + valid.slice(pos + 1);
        expect(isValidIdNumber(changed, today)).toBe(false);
      }),
    );
  });
});
