import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE64, BASE64URL, fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64';

describe('base64', () => {
  it('round-trips any bytes in both alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const b64 = toBase64(bytes);
        const url = toBase64Url(bytes);
        expect(BASE64.test(b64)).toBe(true);
        expect(BASE64URL.test(url)).toBe(true);
        expect(fromBase64(b64)).toEqual(bytes);
        expect(fromBase64Url(url)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });
});
