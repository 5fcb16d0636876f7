import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('masks as DOMAIN.md shows', () => {
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812348000')).toBe('138****8000');
  });

  it('never shows the middle of an ID number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe('********');
      }),
    );
  });

  it('keeps a name the same length and hides all but two characters', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('张', '王', '李', '明', '华'),
          minLength: 3,
          maxLength: 6,
        }),
        (name) => {
          const masked = maskName(name);
          expect(Array.from(masked)).toHaveLength(Array.from(name).length);
          expect(Array.from(masked).filter((c) => c !== '*')).toHaveLength(2);
        },
      ),
    );
  });
});
