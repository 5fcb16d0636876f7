// Renders a ReceiptDocument to the bytes of one ESC/POS job. Written here rather than taken
// from receiptline or node-thermal-printer: neither emits GB18030 four-byte characters in
// Chinese mode, nor knows that a Chinese character takes two columns when it lays out rows.
//
// Style (alignment, bold, size) is tracked and changed only when a block needs something
// else: properties return to normal in the reverse of the order they are set, so a job
// reads like nested brackets and the golden vector of docs/protocols/escpos.md comes out
// byte for byte.
import QRCode from 'qrcode';
import { KioskError, type ReceiptBlock, type ReceiptDocument } from '../bridge/contract';
import * as cmd from './escpos-commands';
import { paperGeometry, type PaperGeometry } from './paper';
import { columnsOf, concatBytes, printedChars, wrapColumns } from './printer-text';
import type { PaperWidth, PrinterProfile } from './profile';

export interface EncodeOptions {
  readonly profile: PrinterProfile;
  readonly paper?: PaperWidth;
}

interface Style {
  align: cmd.Align;
  bold: boolean;
  size: 1 | 2;
}

const NORMAL: Style = { align: 'left', bold: false, size: 1 };
const DEFAULT_QR_MODULE = 6;

export function encodeReceipt(document: ReceiptDocument, options: EncodeOptions): Uint8Array {
  const paper = paperGeometry(options.paper ?? options.profile.defaultPaper);
  const out: number[] = [...cmd.initialise(), ...cmd.chineseModeOn()];
  const style: Style = { ...NORMAL };
  const setStyle = (want: Style) => {
    // Back to normal first, innermost first; then away from normal, outermost first.
    if (want.size !== style.size && want.size === 1) out.push(...cmd.characterSize(1));
    if (want.bold !== style.bold && !want.bold) out.push(...cmd.bold(false));
    if (want.align !== style.align && want.align === 'left') out.push(...cmd.align('left'));
    if (want.align !== style.align && want.align !== 'left') out.push(...cmd.align(want.align));
    if (want.bold !== style.bold && want.bold) out.push(...cmd.bold(true));
    if (want.size !== style.size && want.size === 2) out.push(...cmd.characterSize(2));
    Object.assign(style, want);
  };

  // Chinese mode ends with the printed content, before the feed and cut that finish the
  // ticket, so whatever the next job is starts from the printer's own default.
  const tailStart = trailingPaperMovesStart(document.blocks);
  document.blocks.forEach((block, index) => {
    if (index === tailStart) out.push(...cmd.chineseModeOff());
    encodeBlock(block, { out, setStyle, paper, profile: options.profile });
  });
  if (tailStart === document.blocks.length) out.push(...cmd.chineseModeOff());
  return Uint8Array.from(out);
}

function trailingPaperMovesStart(blocks: readonly ReceiptBlock[]): number {
  let k = blocks.length;
  while (k > 0 && (blocks[k - 1]!.kind === 'feed' || blocks[k - 1]!.kind === 'cut')) k--;
  return k;
}

interface Sink {
  out: number[];
  setStyle(style: Style): void;
  paper: PaperGeometry;
  profile: PrinterProfile;
}

function encodeBlock(block: ReceiptBlock, s: Sink): void {
  switch (block.kind) {
    case 'title':
      s.setStyle({ align: 'center', bold: false, size: 2 });
      textLines(block.text, s, 2);
      return;
    case 'text': {
      const size = block.size === 'double' ? 2 : 1;
      s.setStyle({ align: block.align ?? 'left', bold: block.bold ?? false, size });
      textLines(block.text, s, size);
      return;
    }
    case 'kv':
      s.setStyle(NORMAL);
      for (const line of keyValueLines(block.key, block.value, s)) s.out.push(...line, cmd.LF);
      return;
    case 'rule':
      s.setStyle(NORMAL);
      s.out.push(...new Array<number>(s.paper.columns).fill(0x2d), cmd.LF);
      return;
    case 'qr': {
      s.setStyle({ ...NORMAL, align: 'center' });
      const data = Buffer.from(block.data, 'utf8');
      s.out.push(...cmd.qrCode(data, qrModuleSize(block.data, block.size, s.paper), 'M'), cmd.LF);
      return;
    }
    case 'barcode': {
      s.setStyle({ ...NORMAL, align: 'center' });
      s.out.push(
        ...cmd.code128(barcodeBytes(block.data), barcodeModuleWidth(block.data, s.paper)),
        cmd.LF,
      );
      return;
    }
    case 'feed':
      if (block.lines > 0) s.out.push(...cmd.feedLines(block.lines));
      return;
    case 'cut':
      s.out.push(...cmd.feedAndCut(s.profile.cut));
      return;
  }
}

function textLines(text: string, s: Sink, scale: 1 | 2): void {
  const width = Math.floor(s.paper.columns / scale);
  for (const line of wrapColumns(printedChars(text, s.profile.fontRepertoire), width)) {
    s.out.push(...concatBytes(line), cmd.LF);
  }
}

/** Key on the left, value on the right; a value too long for that goes below, indented. */
function keyValueLines(key: string, value: string, s: Sink): number[][] {
  const cols = s.paper.columns;
  const k = printedChars(key, s.profile.fontRepertoire);
  const v = printedChars(value, s.profile.fontRepertoire);
  const kw = columnsOf(k);
  const vw = columnsOf(v);
  if (kw + 1 + vw <= cols && !value.includes('\n')) {
    return [[...concatBytes(k), ...spaces(cols - kw - vw), ...concatBytes(v)]];
  }
  const indent = 2;
  return [
    ...wrapColumns(k, cols).map(concatBytes),
    ...wrapColumns(v, cols - indent).map((line) => [...spaces(indent), ...concatBytes(line)]),
  ];
}

const spaces = (n: number) => new Array<number>(n).fill(0x20);

/** The module size asked for, or the default, made smaller until the symbol fits the paper. */
function qrModuleSize(data: string, asked: number | undefined, paper: PaperGeometry): number {
  const modules = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules.size + 8; // quiet zone
  let size = asked ?? DEFAULT_QR_MODULE;
  while (size > 1 && modules * size > paper.dots) size--;
  return size;
}

function barcodeBytes(data: string): Uint8Array {
  if (!/^[\x20-\x7e]+$/.test(data)) {
    throw new KioskError(
      'INVALID_ARGUMENT',
      'barcode data must be printable ASCII (CODE128 set B)',
    );
  }
  // '{' starts a code-set escape in GS k 73 data; a literal one is written twice.
  return Buffer.from(data.replaceAll('{', '{{'), 'latin1');
}

function barcodeModuleWidth(data: string, paper: PaperGeometry): number {
  // CODE128: 11 modules per symbol (start, data, check) plus a 13-module stop and quiet zones.
  const modules = 11 * (data.length + 2) + 13 + 20;
  for (const w of [3, 2, 1]) if (modules * w <= paper.dots) return w;
  throw new KioskError(
    'INVALID_ARGUMENT',
    `barcode of ${data.length} characters is too wide for ${paper.width} mm paper`,
  );
}
