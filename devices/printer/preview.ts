// A picture of a ticket for screenshots and the technician console: the layout true to the
// dot (203 dpi, Font A cells, double size, alignment, QR modules), the characters drawn as
// boxes in their cells. It shows where things are, not how the font looks.
import iconv from 'iconv-lite';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { COLUMN_DOTS, LINE_DOTS, paperGeometry } from './paper';
import type { LineAlign, PrintedJob, PrintedLine } from './printed-job';
import type { PaperWidth } from './profile';

const LINE_SPACING = 30; // ESC 2 default: 1/6 inch at 203 dpi
const MARGIN = 16;

interface Canvas {
  png: PNG;
  fill(x: number, y: number, w: number, h: number): void;
}

export function renderPreview(job: PrintedJob, paperWidth: PaperWidth): Buffer {
  const paper = paperGeometry(paperWidth);
  const height = MARGIN * 2 + job.lines.reduce((h, l) => h + lineHeight(l), 0) + (job.cut ? 8 : 0);
  const png = new PNG({ width: paper.dots + MARGIN * 2, height: Math.max(height, 64) });
  png.data.fill(0xff);
  const canvas: Canvas = {
    png,
    fill(x, y, w, h) {
      for (let yy = Math.max(0, y); yy < Math.min(png.height, y + h); yy++) {
        for (let xx = Math.max(0, x); xx < Math.min(png.width, x + w); xx++) {
          const i = (yy * png.width + xx) * 4;
          png.data[i] = png.data[i + 1] = png.data[i + 2] = 0x20;
        }
      }
    },
  };
  let y = MARGIN;
  for (const line of job.lines) {
    drawLine(canvas, line, y, paper.dots);
    y += lineHeight(line);
  }
  if (job.cut) for (let x = 0; x < png.width; x += 12) canvas.fill(x, y + 4, 6, 1);
  return PNG.sync.write(png);
}

function lineHeight(line: PrintedLine): number {
  switch (line.kind) {
    case 'text':
      return LINE_SPACING + LINE_DOTS * (line.height - 1);
    case 'qr':
      return qrModules(line.data) * line.moduleSize;
    case 'barcode':
      return 80 + LINE_SPACING;
    case 'raster':
      return line.height;
    case 'feed':
      return LINE_SPACING * line.lines;
  }
}

function qrModules(data: string): number {
  return data.length === 0 ? 0 : QRCode.create(data, { errorCorrectionLevel: 'M' }).modules.size;
}

function left(align: LineAlign, width: number, dots: number): number {
  const free = Math.max(0, dots - width);
  return MARGIN + (align === 'center' ? Math.floor(free / 2) : align === 'right' ? free : 0);
}

function drawLine(c: Canvas, line: PrintedLine, y: number, dots: number): void {
  switch (line.kind) {
    case 'text': {
      const cells = [...line.text].map((ch) => ({
        ch,
        cols: iconv.encode(ch, 'gb18030').length > 1 ? 2 : 1,
      }));
      const width = cells.reduce((w, cell) => w + cell.cols * COLUMN_DOTS * line.width, 0);
      let x = left(line.align, width, dots);
      const h = LINE_DOTS * line.height;
      for (const cell of cells) {
        const w = cell.cols * COLUMN_DOTS * line.width;
        if (cell.ch !== ' ') drawGlyphBox(c, x, y, w, h, line.bold);
        x += w;
      }
      return;
    }
    case 'qr': {
      if (line.data.length === 0) return;
      const qr = QRCode.create(line.data, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const m = line.moduleSize;
      const x0 = left(line.align, n * m, dots);
      for (let r = 0; r < n; r++) {
        for (let col = 0; col < n; col++)
          if (qr.modules.get(r, col)) c.fill(x0 + col * m, y + r * m, m, m);
      }
      return;
    }
    case 'barcode': {
      // Bars from the data's bits: a stand-in with the symbol's place and width, not a scannable code.
      const bits = [...Buffer.from(line.data, 'latin1')].flatMap((b) => [
        1,
        ...[7, 6, 5, 4, 3, 2, 1, 0].map((k) => (b >> k) & 1),
        0,
      ]);
      const x0 = left(line.align, bits.length * 2, dots);
      bits.forEach((b, i) => b && c.fill(x0 + i * 2, y, 2, 80));
      return;
    }
    case 'raster': {
      const x0 = left(line.align, line.widthBytes * 8, dots);
      for (let r = 0; r < line.height; r++) {
        for (let col = 0; col < line.widthBytes * 8; col++) {
          const byte = line.data[r * line.widthBytes + (col >> 3)] ?? 0;
          if ((byte >> (7 - (col & 7))) & 1) c.fill(x0 + col, y + r, 1, 1);
        }
      }
      return;
    }
    case 'feed':
      return;
  }
}

function drawGlyphBox(c: Canvas, x: number, y: number, w: number, h: number, bold: boolean): void {
  const inset = 2;
  const t = bold ? 3 : 1;
  c.fill(x + inset, y + inset, w - 2 * inset, t);
  c.fill(x + inset, y + h - inset - t, w - 2 * inset, t);
  c.fill(x + inset, y + inset, t, h - 2 * inset);
  c.fill(x + w - inset - t, y + inset, t, h - 2 * inset);
}
