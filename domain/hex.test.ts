import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteHex, fromHex, toHex, usbDeviceHex, usbIdHex } from './hex';

describe('hex', () => {
  it('writes frames as the protocol doc does and reads them back', () => {
    expect(toHex(Uint8Array.of(0xaa, 0x96, 0x05))).toBe('AA 96 05');
    expect(fromHex('AA 96 05')).toEqual(Uint8Array.of(0xaa, 0x96, 0x05));
    expect(fromHex('0xaa,0x96:05')).toEqual(Uint8Array.of(0xaa, 0x96, 0x05));
  });

  it('writes a lowercase run without separators when asked', () => {
    expect(toHex(Uint8Array.of(0x0a, 0xbc), { separator: '', lowercase: true })).toBe('0abc');
  });

  it('refuses what is not pairs of hex digits', () => {
    expect(() => fromHex('A')).toThrow(/not hex/);
    expect(() => fromHex('GG')).toThrow(/not hex/);
  });

  it('round-trips any bytes in any spelling it writes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom('', ' ', ':', '-', ','),
        fc.boolean(),
        (bytes, separator, lowercase) => {
          expect(fromHex(toHex(bytes, { separator, lowercase }))).toEqual(bytes);
        },
      ),
    );
  });

  it('writes single bytes and USB ids', () => {
    expect(byteHex(0x9f)).toBe('9F');
    expect(byteHex(0x05)).toBe('05');
    expect(usbIdHex(0x10c4)).toBe('10c4');
    expect(usbDeviceHex(0x10c4, 0x7)).toBe('10c4:0007');
  });

  it('writes every byte as two digits that parse back to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (b) => {
        expect(byteHex(b)).toMatch(/^[0-9A-F]{2}$/);
        expect(parseInt(byteHex(b), 16)).toBe(b);
      }),
    );
  });
});
