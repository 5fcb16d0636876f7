import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_HASH_PATTERN, idHash, importLookupKey } from './id-hash';
import { toBase64 } from './base64';

/** The hash of 11010519491231002X under a key of 32 sevens, as the code before it computed it. */
const KNOWN_HASH = '422oT-86HGo-qXawrkuf497H9ITHAMzHSS4jEJXVjsU';

const key = importLookupKey(toBase64(new Uint8Array(32).fill(7)));

describe('idHash', () => {
  it('is the same for spellings of one number and different for another', async () => {
    const k = await key;
    const a = await idHash(k, '11010519491231002X');
    expect(a).toMatch(ID_HASH_PATTERN);
    expect(await idHash(k, ' 11010519491231002x ')).toBe(a);
    expect(await idHash(k, '1101 0519 4912 3100 2x')).toBe(a);
    expect(await idHash(k, '110105194912310037')).not.toBe(a);
  });

  it('stays the hash it has always been (kiosks and the platform store it)', async () => {
    const k = await key;
    expect(await idHash(k, '11010519491231002X')).toBe(KNOWN_HASH);
  });

  it('is taken of the text with spaces dropped and x raised, whatever else it holds', async () => {
    const k = await key;
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 24 }), async (s) => {
        const bare = s.replace(/\s+/g, '').toUpperCase();
        expect(await idHash(k, s)).toBe(await idHash(k, bare));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps the lookup key non-extractable', async () => {
    await expect(crypto.subtle.exportKey('raw', await key)).rejects.toThrow();
  });
});
