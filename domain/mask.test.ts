import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './mask';

const hidden = (masked: string) => Array.from(masked).filter((c) => c === '*').length;

describe('masking', () => {
  it('masks as docs/domain.md shows', () => {
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('ZHANG SAN')).toBe('Z*******N');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812348000')).toBe('138****8000');
  });

  it('hides short values whole', () => {
    expect(maskName('')).toBe('');
    expect(maskName(' 张 ')).toBe('*');
    expect(maskIdNumber('1101051949')).toBe('**********');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskPhone('1381234')).toBe('*******');
    expect(maskPhone('8000')).toBe('****');
  });

  it('keeps the district of an address and hides the rest', () => {
    expect(maskAddress('北京市东城区')).toBe('北京市东城区');
    expect(maskAddress('北京市东城区景山前街4号')).toBe('北京市东城区******');
    expect(maskAddress('北京市东城区景山前街4号故宫博物院')).toBe('北京市东城区********');
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

  it('keeps every value its length and shows at most ten characters of an ID number', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 24 }), (raw) => {
        const value = raw.trim();
        for (const mask of [maskName, maskIdNumber, maskPhone]) {
          expect(Array.from(mask(value))).toHaveLength(Array.from(value).length);
        }
        expect(Array.from(value).length - hidden(maskIdNumber(value))).toBeLessThanOrEqual(10);
        expect(Array.from(value).length - hidden(maskPhone(value))).toBeLessThanOrEqual(7);
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
