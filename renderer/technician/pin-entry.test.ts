import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pinComplete, pinMaxLength, pressPinKey, type PinKey } from './pin-entry';

describe('pin entry', () => {
  it('types, deletes and clears', () => {
    const typed = (['1', '2', '3', 'back', '4', '5'] as PinKey[]).reduce(pressPinKey, '');
    expect(typed).toBe('1245');
    expect(pinComplete(typed)).toBe(true);
    expect(pinComplete('123')).toBe(false);
    expect(pressPinKey(typed, 'clear')).toBe('');
    expect(pressPinKey('', 'back')).toBe('');
  });

  it('is always digits only and never longer than the host accepts', () => {
    const key = fc.constantFrom<PinKey>('0', '1', '7', '9', 'back', 'clear');
    fc.assert(
      fc.property(fc.array(key, { maxLength: 40 }), (keys) => {
        const pin = keys.reduce(pressPinKey, '');
        expect(pin).toMatch(/^\d*$/);
        expect(pin.length).toBeLessThanOrEqual(pinMaxLength);
      }),
    );
  });
});
