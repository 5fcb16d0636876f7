import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskPersonalRuns, scanPreview } from './scan-preview';

describe('scan preview', () => {
  it('masks an ID number, alone or inside a code', () => {
    expect(scanPreview('11010519491231002X')).toEqual({
      text: '110105********002X',
      length: 18,
      masked: true,
      truncated: false,
    });
    expect(scanPreview('ID:110105194912310021;N').text).toBe('ID:110105********0021;N');
    expect(scanPreview('110105491231002').text).toBe('110105*****1002');
  });

  it('masks a mobile number but leaves ordinary codes alone', () => {
    expect(scanPreview('tel 13812348000').text).toBe('tel 138****8000');
    expect(scanPreview('6901234567892')).toMatchObject({ text: '6901234567892', masked: false });
    expect(scanPreview('https://example.gov.cn/q?r=A1B2')).toMatchObject({ masked: false });
  });

  it('shows control characters and cuts long text', () => {
    expect(scanPreview('A\tB\r\n').text).toBe('A⇥B⏎⏎');
    expect(scanPreview('\u001d01').text).toBe('<GS>01');
    const long = scanPreview('x'.repeat(100), 10);
    expect(long).toEqual({
      text: `${'x'.repeat(10)}…`,
      length: 100,
      masked: false,
      truncated: true,
    });
  });

  it('never lets an ID-length digit run or a mobile number through', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789X'),
      minLength: 0,
      maxLength: 40,
    });
    const noise = fc.string({ unit: fc.constantFrom('a', ':', ' ', '\r', '中'), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, digits), { maxLength: 5 }), (parts) => {
        const scanned = parts.map(([a, b]) => a + b).join('');
        const { text } = maskPersonalRuns(scanned);
        expect(text).not.toMatch(/\d{15}/);
        expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
        expect(Array.from(text)).toHaveLength(Array.from(scanned).length);
        const preview = scanPreview(scanned, 20);
        expect(Array.from(preview.text.replace('<GS>', '#')).length).toBeLessThanOrEqual(21);
      }),
    );
  });
});
