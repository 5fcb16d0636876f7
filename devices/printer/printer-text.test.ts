import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './encoder';
import { decodeEscPos, summarise } from './printed-job';
import { columnsOf, PLACEHOLDER, printedChars, wrapColumns } from './printer-text';
import { printerProfiles } from './profile';

// A long sample across GB18030: common hanzi, punctuation, full-width forms, and characters
// outside GBK that need four bytes (CJK Extension A and B, rare surnames, Yi, Tibetan,
// Mongolian, emoji).
const SAMPLE =
  '中华人民共和国居民身份证政务服务一网通办不打烊自助终端受理回执' +
  '，。、；：？！“”‘’（）《》【】…—·￥％＠＃ＡＢＣａｂｃ０１２３' +
  '㐀㐁㑇㒵㓁䶮䶵' + // Extension A
  '𠀀𠮷𡈽𪚥𫓧𬌗𰻞' + // Extensions B..G
  '䲜䴓鿏鿰' + // unified additions after GBK
  'ꀀꀁ' + // Yi
  'ཀཁག' + // Tibetan
  'ᠠᠡᠢ' + // Mongolian
  '€😀🀄' +
  'ÀÉÎõüßøæ Ωπλ Жзк ABCxyz 0123456789';

describe('printed text', () => {
  it('every character of a long GB18030 sample, including four-byte ones, survives the printer', () => {
    const doc = { blocks: [{ kind: 'text' as const, text: SAMPLE }, { kind: 'cut' as const }] };
    for (const paper of [58, 80] as const) {
      const [job] = decodeEscPos(encodeReceipt(doc, { profile: printerProfiles.epson, paper }));
      expect(summarise(job!).text.replace(/[\n ]/g, '')).toBe(SAMPLE.replace(/ /g, ''));
    }
  });

  it('counts multi-byte characters two columns and ASCII one', () => {
    expect(columnsOf(printedChars('A张𠮷', 'gb18030'))).toBe(5);
    expect(printedChars('𠮷', 'gbk').map((c) => c.char)).toEqual(['𠮷']);
    expect(Buffer.from(printedChars('𠮷', 'gbk')[0]!.bytes).toString('hex')).toBe(
      Buffer.from(printedChars(PLACEHOLDER, 'gb18030')[0]!.bytes).toString('hex'),
    );
  });

  it('wraps within the width and loses nothing but break spaces (property)', () => {
    const unit = fc.constantFrom(...'政务𠮷ab c1 ，'.split(/(?:)/u));
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 120 }),
        fc.integer({ min: 2, max: 48 }),
        (text, width) => {
          const lines = wrapColumns(printedChars(text, 'gb18030'), width);
          for (const line of lines) expect(columnsOf(line)).toBeLessThanOrEqual(width);
          const joined = lines.map((l) => l.map((c) => c.char).join('')).join('');
          expect(joined.replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        },
      ),
      { numRuns: 300 },
    );
  });
});
