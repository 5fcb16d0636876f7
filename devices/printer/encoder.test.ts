import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ReceiptBlock, ReceiptDocument } from '../bridge/contract';
import { encodeReceipt } from './encoder';
import { decodeEscPos, summarise } from './printed-job';
import { printerProfiles, type PrinterProfileId } from './profile';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const columns = (text: string) =>
  [...text].reduce((n, ch) => n + (iconv.encode(ch, 'gb18030').length > 1 ? 2 : 1), 0);

const VECTOR: ReceiptDocument = {
  blocks: [
    { kind: 'title', text: '政务服务回执' },
    { kind: 'text', text: '办理事项：社保查询 ABC123' },
    { kind: 'qr', data: 'https://example.gov.cn/q?id=123' },
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  ],
};

// docs/protocols/escpos.md, "A receipt decoded".
const VECTOR_HEX =
  `1b401c261b61011d2111d5fecef1b7fecef1bbd8d6b40a1d21001b6100b0ecc0edcac2cfeea3bac9e7b1a3
b2e9d1af204142433132330a1b61011d286b0400314132001d286b03003143061d286b03003145311d286b
220031503068747470733a2f2f6578616d706c652e676f762e636e2f713f69643d3132331d286b030031
51300a1c2e1b64031d564200`.replace(/\s/g, '');

describe('encodeReceipt', () => {
  it('reproduces the test vector of docs/protocols/escpos.md byte for byte', () => {
    expect(hex(encodeReceipt(VECTOR, { profile: printerProfiles.epson }))).toBe(VECTOR_HEX);
  });

  // Golden bytes per profile: presenter models cut fully, the others partially.
  const golden: Record<PrinterProfileId, string> = {
    epson: VECTOR_HEX,
    snbc: VECTOR_HEX,
    'custom-vkp80': VECTOR_HEX.replace(/1d564200$/, '1d564100'),
    citizen: VECTOR_HEX.replace(/1d564200$/, '1d564100'),
  };
  for (const [id, bytes] of Object.entries(golden)) {
    it(`golden bytes for profile ${id}`, () => {
      expect(hex(encodeReceipt(VECTOR, { profile: printerProfiles[id as PrinterProfileId] }))).toBe(
        bytes,
      );
    });
  }

  it('lays out a key–value row across the paper, Chinese characters two columns wide', () => {
    const doc: ReceiptDocument = { blocks: [{ kind: 'kv', key: '申请人', value: '张*三' }] };
    for (const [paper, cols] of [
      [58, 32],
      [80, 48],
    ] as const) {
      const [job] = decodeEscPos(encodeReceipt(doc, { profile: printerProfiles.epson, paper }));
      const line = summarise(job!).text;
      expect(line.startsWith('申请人')).toBe(true);
      expect(line.endsWith('张*三')).toBe(true);
      // 3 + 2 + 1 Chinese characters at two columns, one asterisk: the rest are spaces.
      expect(line.split('').filter((c) => c === ' ').length).toBe(cols - 11);
    }
  });

  it('wraps long values under the key, indented, within the width', () => {
    const doc: ReceiptDocument = {
      blocks: [
        {
          kind: 'kv',
          key: '办理事项',
          value: '新生儿出生一件事（出生医学证明、预防接种证、户口登记、社保卡、医保参保）',
        },
      ],
    };
    const [job] = decodeEscPos(encodeReceipt(doc, { profile: printerProfiles.epson, paper: 58 }));
    const lines = summarise(job!).text.split('\n');
    expect(lines[0]).toBe('办理事项');
    for (const l of lines.slice(1)) {
      expect(l.startsWith('  ')).toBe(true);
      expect(columns(l)).toBeLessThanOrEqual(32);
    }
  });

  it('halves the width of a double-size title', () => {
    const doc: ReceiptDocument = {
      blocks: [{ kind: 'title', text: '一二三四五六七八九十一二三四五六七八' }],
    };
    const [job] = decodeEscPos(encodeReceipt(doc, { profile: printerProfiles.epson, paper: 58 }));
    expect(summarise(job!).text.split('\n')).toEqual([
      '一二三四五六七八',
      '九十一二三四五六',
      '七八',
    ]);
  });

  it('keeps Latin words whole when wrapping', () => {
    const doc: ReceiptDocument = {
      blocks: [
        { kind: 'text', text: 'Please keep this receipt until the application is finished' },
      ],
    };
    const [job] = decodeEscPos(encodeReceipt(doc, { profile: printerProfiles.epson, paper: 58 }));
    expect(summarise(job!).text.split('\n')).toEqual([
      'Please keep this receipt until',
      'the application is finished',
    ]);
  });

  it('prints four-byte GB18030 characters, or a visible placeholder where the font lacks them', () => {
    const doc: ReceiptDocument = { blocks: [{ kind: 'text', text: '𠮷' }] };
    const full = encodeReceipt(doc, { profile: printerProfiles.epson });
    expect(hex(full)).toContain('9534b235');
    const gbkFont = { ...printerProfiles.epson, fontRepertoire: 'gbk' as const };
    expect(summarise(decodeEscPos(encodeReceipt(doc, { profile: gbkFont }))[0]!).text).toBe('□');
  });

  it('never lets control characters in text reach the printer as commands', () => {
    const doc: ReceiptDocument = { blocks: [{ kind: 'text', text: 'A\u001b@\u001dV\u0000B' }] };
    const bytes = encodeReceipt(doc, { profile: printerProfiles.epson });
    const body = bytes.slice(4, -3); // between ESC @ FS & and FS .
    expect([...body.slice(0, -1)].every((b) => b >= 0x20)).toBe(true);
  });

  it('encodes a CODE128 barcode with escaped braces and a module width that fits', () => {
    const doc: ReceiptDocument = { blocks: [{ kind: 'barcode', data: 'A{1' }] };
    const bytes = encodeReceipt(doc, { profile: printerProfiles.epson });
    expect(hex(bytes)).toContain('1d6b49067b42417b7b31');
    expect(summarise(decodeEscPos(bytes)[0]!).barcodes).toEqual(['A{1']);
    expect(() =>
      encodeReceipt(
        { blocks: [{ kind: 'barcode', data: '条码' }] },
        { profile: printerProfiles.epson },
      ),
    ).toThrow(/printable ASCII/);
  });

  it('shrinks a QR code that would not fit the paper', () => {
    const data = 'x'.repeat(600);
    const bytes = encodeReceipt(
      { blocks: [{ kind: 'qr', data, size: 16 }] },
      { profile: printerProfiles.epson, paper: 58 },
    );
    const qr = decodeEscPos(bytes)[0]!.lines.find((l) => l.kind === 'qr');
    const moduleSize = qr?.kind === 'qr' ? qr.moduleSize : NaN;
    expect(moduleSize).toBeLessThan(16);
    expect(moduleSize).toBeGreaterThanOrEqual(1);
  });
});

const textArb = fc.string({
  unit: fc.constantFrom(...'政务服务回执𠮷㐀䶵𪚥ABC abc123：，。-*'.split(/(?:)/u)),
  maxLength: 60,
});
const blockArb: fc.Arbitrary<ReceiptBlock> = fc.oneof(
  fc.record({ kind: fc.constant('title' as const), text: textArb }),
  fc.record({
    kind: fc.constant('text' as const),
    text: textArb,
    align: fc.constantFrom('left' as const, 'center' as const, 'right' as const),
    bold: fc.boolean(),
    size: fc.constantFrom('normal' as const, 'double' as const),
  }),
  fc.record({ kind: fc.constant('kv' as const), key: textArb, value: textArb }),
  fc.record({ kind: fc.constant('rule' as const) }),
  fc.record({ kind: fc.constant('qr' as const), data: fc.string({ minLength: 1, maxLength: 80 }) }),
  fc.record({ kind: fc.constant('barcode' as const), data: fc.stringMatching(/^[ -~]{1,16}$/) }),
  fc.record({ kind: fc.constant('feed' as const), lines: fc.integer({ min: 0, max: 5 }) }),
);

describe('encode → decode round trip (property)', () => {
  it('keeps every character, QR payload and barcode, and never exceeds the paper width', () => {
    fc.assert(
      fc.property(
        fc.array(blockArb, { maxLength: 12 }),
        fc.constantFrom(58 as const, 80 as const),
        (blocks, paper) => {
          const doc: ReceiptDocument = { blocks: [...blocks, { kind: 'cut' }] };
          const jobs = decodeEscPos(encodeReceipt(doc, { profile: printerProfiles.epson, paper }));
          expect(jobs).toHaveLength(1);
          const job = jobs[0]!;
          const decoded = summarise(job);
          const squash = (s: string) => s.replace(/[\s]/g, '');
          const expectedText = blocks
            .flatMap((b) =>
              b.kind === 'title' || b.kind === 'text'
                ? [b.text]
                : b.kind === 'kv'
                  ? [b.key, b.value]
                  : [],
            )
            .map(squash)
            .join('');
          const cols = paper === 58 ? 32 : 48;
          const rule = '-'.repeat(cols);
          const printedText = job.lines
            .flatMap((l) => (l.kind === 'text' && l.text !== rule ? [squash(l.text)] : []))
            .join('');
          expect(printedText).toBe(expectedText);
          expect(decoded.qr).toEqual(blocks.flatMap((b) => (b.kind === 'qr' ? [b.data] : [])));
          expect(decoded.barcodes).toEqual(
            blocks.flatMap((b) => (b.kind === 'barcode' ? [b.data] : [])),
          );
          for (const l of job.lines) {
            if (l.kind === 'text') expect(columns(l.text) * l.width).toBeLessThanOrEqual(cols);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
