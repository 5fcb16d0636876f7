import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  idNumberCheckCharacter,
  idNumberProblem,
  isValidIdNumber,
  normaliseIdNumber,
} from './id-number';

const today = new Date(Date.UTC(2025, 0, 1));

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

const birthDate = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2024-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));

/** Any well-formed number with its own check character, whatever the address code. */
const validIdNumber = fc.tuple(digits(6), birthDate, digits(3)).map(([area, ymd, seq]) => {
  const first17 = area + ymd + seq;
  return first17 + idNumberCheckCharacter(first17);
});

describe('GB 11643 ID number check', () => {
  it('accepts the standard example, in either case and with spaces around', () => {
    expect(checkIdNumber('11010519491231002X', today)).toEqual({ valid: true });
    expect(isValidIdNumber('11010519491231002x', today)).toBe(true);
    expect(isValidIdNumber(' 11010519491231002X ', today)).toBe(true);
  });

  it('accepts HMT residence permits and the 2023 foreigner ID (no birth date there)', () => {
    const hmt = '81000019900101001';
    expect(isValidIdNumber(hmt + idNumberCheckCharacter(hmt), today)).toBe(true);
    const foreigner = '93115600000000001';
    expect(isValidIdNumber(foreigner + idNumberCheckCharacter(foreigner), today)).toBe(true);
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('1101051949', today)).toBe('length');
    expect(idNumberProblem('1101051949123100', today)).toBe('length');
    expect(idNumberProblem('', today)).toBe('length');
    expect(idNumberProblem('1101 0519 4912 3100 2X', today)).toBe('length');
    expect(idNumberProblem('11010519491231002Y', today)).toBe('characters');
    expect(idNumberProblem('110105194902300021', today)).toBe('birthDate');
    expect(idNumberProblem('11010519491331002X', today)).toBe('birthDate');
    expect(idNumberProblem('11010519490229002X', today)).toBe('birthDate');
    expect(idNumberProblem('110105194912310021', today)).toBe('checksum');
    expect(checkIdNumber('110105194912310021', today)).toEqual({
      valid: false,
      problem: 'checksum',
    });
  });

  it('rejects a birth date in the future or before 1850', () => {
    const future = '11010520300101001';
    expect(idNumberProblem(future + idNumberCheckCharacter(future), today)).toBe('birthDate');
    const old = '11010518490101001';
    expect(idNumberProblem(old + idNumberCheckCharacter(old), today)).toBe('birthDate');
    const born = '11010520250101001';
    expect(idNumberProblem(born + idNumberCheckCharacter(born), today)).toBeUndefined();
  });

  it('accepts any well-formed number with its own check character', () => {
    fc.assert(fc.property(validIdNumber, (id) => isValidIdNumber(id, today)));
  });

  it('catches every single-digit change of a valid number', () => {
    fc.assert(
      fc.property(
        validIdNumber,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, position, delta) => {
          const changed =
            id.slice(0, position) + ((Number(id[position]) + delta) % 10) + id.slice(position + 1);
          expect(isValidIdNumber(changed, today)).toBe(false);
        },
      ),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void checkIdNumber(s, today)));
  });

  it('has no check character for anything but 17 digits', () => {
    expect(idNumberCheckCharacter('1101051949123100')).toBeUndefined();
    expect(idNumberCheckCharacter('1101051949123100X')).toBeUndefined();
  });
});

describe('normaliseIdNumber (what the keyed hash is taken of)', () => {
  it('drops spaces and raises x', () => {
    expect(normaliseIdNumber('1101 0519 4912 3100 2x')).toBe('11010519491231002X');
    expect(normaliseIdNumber('\t11010519491231002x\n')).toBe('11010519491231002X');
  });

  it('leaves a normalised number as it is', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (s) => normaliseIdNumber(normaliseIdNumber(s)) === normaliseIdNumber(s),
      ),
    );
    fc.assert(fc.property(validIdNumber, (id) => normaliseIdNumber(id) === id));
  });
});
