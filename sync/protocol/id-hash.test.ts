import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_HASH_PATTERN, idHash, importLookupKey } from './id-hash';
import { idNumberCheckChar, isValidIdNumber, normaliseIdNumber } from './id-number';
import { toBase64 } from './base64';

const key = importLookupKey(toBase64(new Uint8Array(32).fill(7)));

describe('ID numbers', () => {
  it('accepts the GB 11643 example and refuses a wrong check character or date', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300025')).toBe(false);
  });

  it('accepts every number whose check character is computed, whatever the address code', () => {
    const date = fc.date({
      min: new Date('1900-01-01'),
      max: new Date('2024-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 100000, max: 899999 }),
        date,
        fc.integer({ min: 0, max: 999 }),
        (area, d, seq) => {
          const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
          const first17 = `${area}${ymd}${String(seq).padStart(3, '0')}`;
          expect(isValidIdNumber(first17 + idNumberCheckChar(first17))).toBe(true);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => void isValidIdNumber(s)));
  });
});

describe('idHash', () => {
  it('is the same for spellings of one number and different for another', async () => {
    const k = await key;
    const a = await idHash(k, '11010519491231002X');
    expect(a).toMatch(ID_HASH_PATTERN);
    expect(await idHash(k, ' 11010519491231002x ')).toBe(a);
    expect(await idHash(k, '110105194912310037')).not.toBe(a);
    expect(normaliseIdNumber('1101 0519 4912 3100 2x')).toBe('11010519491231002X');
  });

  it('keeps the lookup key non-extractable', async () => {
    await expect(crypto.subtle.exportKey('raw', await key)).rejects.toThrow();
  });
});
