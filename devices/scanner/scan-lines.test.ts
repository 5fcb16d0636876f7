import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { hidPosFraming, hidPosReports } from './hid-pos-framing';
import { scannerProfiles } from './profile';
import { ScanLines } from './scan-lines';
import { splitSymbology } from './symbology';

describe('ScanLines', () => {
  it('ends scans at CR, LF or CR LF and skips empty lines', () => {
    const lines = new ScanLines();
    expect(lines.push(Buffer.from('A\r\nB\nC\r\rD'))).toEqual([
      { kind: 'line', text: 'A' },
      { kind: 'line', text: 'B' },
      { kind: 'line', text: 'C' },
    ]);
    expect(lines.push(Buffer.from('E\n'))).toEqual([{ kind: 'line', text: 'DE' }]);
  });

  it('decodes GB18030 scanners', () => {
    expect(new ScanLines('gb18030').push(iconv.encode('受理编号𠮷\r', 'gb18030'))).toEqual([
      { kind: 'line', text: '受理编号𠮷' },
    ]);
  });

  it('rejects an overlong scan whole and carries on', () => {
    const lines = new ScanLines('utf8', 8);
    expect(lines.push(Buffer.from('0123456789AB\rok\r'))).toEqual([
      { kind: 'overflow', bytes: 12 },
      { kind: 'line', text: 'ok' },
    ]);
  });

  it('yields the same scans however the bytes are chunked (property)', () => {
    const scan = fc.string({
      unit: fc.constantFrom(...'ab1政𠮷-:/?='.split(/(?:)/u)),
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(
        fc.array(scan, { maxLength: 10 }),
        fc.constantFrom('\r', '\n', '\r\n'),
        fc.integer({ min: 1, max: 9 }),
        (scans, end, size) => {
          const bytes = Buffer.from(scans.map((s) => s + end).join(''), 'utf8');
          const lines = new ScanLines();
          const got = [];
          for (let i = 0; i < bytes.length; i += size)
            got.push(...lines.push(bytes.subarray(i, i + size)));
          expect(got).toEqual(scans.map((text) => ({ kind: 'line', text })));
        },
      ),
    );
  });
});

describe('splitSymbology', () => {
  it('reads AIM prefixes', () => {
    expect(splitSymbology(']Q1https://x')).toEqual({ text: 'https://x', symbology: 'qr' });
    expect(splitSymbology(']C0ABC')).toEqual({ text: 'ABC', symbology: 'code128' });
    expect(splitSymbology('plain')).toEqual({ text: 'plain' });
  });
});

describe('hidPosFraming', () => {
  const layout = scannerProfiles['honeywell-hidpos'].hidPos!;
  it('reassembles scans spread over several reports (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (text) => {
        const data = Buffer.from(text, 'utf8');
        const unwrap = hidPosFraming(layout).createUnwrapper();
        const lines = new ScanLines();
        const out = hidPosReports(layout, layout.reportSize, data).flatMap((r) =>
          lines.push(unwrap(r)[0]!),
        );
        const expected = text.split(/\r\n|\r|\n/).filter((s) => s.length > 0);
        expect(out.map((e) => (e.kind === 'line' ? splitSymbology(e.text) : e))).toEqual(
          expected.map((t, i) => (i === 0 ? { text: t, symbology: 'qr' } : splitSymbology(t))),
        );
      }),
    );
  });

  it('ignores reports with another id', () => {
    expect(hidPosFraming(layout).createUnwrapper()(Uint8Array.of(0x05, 1, 2, 3))).toEqual([]);
  });
});
