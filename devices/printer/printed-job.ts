// What a printer did with a stream of commands, as a page model: the lines of each ticket
// with their layout, the QR and barcode payloads, and where the paper was cut. The simulator
// records into it; the preview draws from it; tests read its text.
import iconv from 'iconv-lite';
import { parseAll, type EscPosCommand } from './escpos-parser';

export type LineAlign = 'left' | 'center' | 'right';

export type PrintedLine =
  | { kind: 'text'; text: string; align: LineAlign; width: number; height: number; bold: boolean }
  | { kind: 'qr'; data: string; moduleSize: number; align: LineAlign }
  | { kind: 'barcode'; data: string; symbology: number; align: LineAlign }
  | { kind: 'raster'; widthBytes: number; height: number; data: Uint8Array; align: LineAlign }
  | { kind: 'feed'; lines: number };

export interface PrintedJob {
  lines: PrintedLine[];
  /** False for what was printed but not yet cut off. */
  cut: boolean;
}

const ALIGN: readonly LineAlign[] = ['left', 'center', 'right'];

/** Follows the printer's modes across commands and collects lines until a cut. */
export class JobRecorder {
  #lines: PrintedLine[] = [];
  #text: number[] = [];
  #align: LineAlign = 'left';
  #bold = false;
  #width = 1;
  #height = 1;
  #chinese = false;
  #qrData = '';
  #qrModule = 3;

  /** Applies one command; returns a finished job when the command was a cut. */
  apply(c: EscPosCommand): PrintedJob | undefined {
    switch (c.op) {
      case 'text':
        for (const b of c.bytes) this.#text.push(b);
        return;
      case 'lf':
        this.#flushText(true);
        return;
      case 'init':
        this.#flushText(false);
        this.#align = 'left';
        this.#bold = false;
        this.#width = this.#height = 1;
        return;
      case 'chinese':
        this.#chinese = c.on;
        return;
      case 'align':
        this.#align = ALIGN[c.value] ?? 'left';
        return;
      case 'bold':
        this.#bold = c.on;
        return;
      case 'size':
        this.#width = c.width;
        this.#height = c.height;
        return;
      case 'feed':
        this.#flushText(true);
        if (c.lines > 0) this.#lines.push({ kind: 'feed', lines: c.lines });
        return;
      case 'feed-dots':
        this.#flushText(true);
        return;
      case 'qr':
        if (c.fn === 0x43) this.#qrModule = c.params[0] ?? this.#qrModule;
        if (c.fn === 0x50) this.#qrData = Buffer.from(c.params.subarray(1)).toString('utf8');
        if (c.fn === 0x51)
          this.#lines.push({
            kind: 'qr',
            data: this.#qrData,
            moduleSize: this.#qrModule,
            align: this.#align,
          });
        return;
      case 'barcode': {
        const raw = Buffer.from(c.data).toString('latin1');
        // CODE128 data carries its code set ({B) and doubled braces; the payload is what is left.
        const data = c.symbology === 73 ? raw.replace(/^\{[ABC]/, '').replaceAll('{{', '{') : raw;
        this.#lines.push({ kind: 'barcode', data, symbology: c.symbology, align: this.#align });
        return;
      }
      case 'raster':
        this.#lines.push({
          kind: 'raster',
          widthBytes: c.widthBytes,
          height: c.height,
          data: c.data,
          align: this.#align,
        });
        return;
      case 'cut':
        return this.takeJob(true);
      default:
        return;
    }
  }

  /** What has been printed since the last cut, ending the ticket there. */
  takeJob(cut: boolean): PrintedJob | undefined {
    this.#flushText(false);
    if (this.#lines.length === 0 && !cut) return undefined;
    const job = { lines: this.#lines, cut };
    this.#lines = [];
    return job;
  }

  /** Lines printed since the last cut (they consumed paper). */
  get pendingLines(): readonly PrintedLine[] {
    return this.#lines;
  }

  #flushText(newline: boolean): void {
    if (this.#text.length === 0 && !newline) return;
    const bytes = Buffer.from(this.#text);
    this.#text = [];
    const text = this.#chinese ? iconv.decode(bytes, 'gb18030') : bytes.toString('latin1');
    this.#lines.push({
      kind: 'text',
      text,
      align: this.#align,
      width: this.#width,
      height: this.#height,
      bold: this.#bold,
    });
  }
}

/** A job as the tests and the demo's "what was printed" view read it. */
export interface DecodedJob {
  text: string;
  qr: string[];
  barcodes: string[];
}

export function summarise(job: PrintedJob): DecodedJob {
  const text: string[] = [];
  const qr: string[] = [];
  const barcodes: string[] = [];
  for (const line of job.lines) {
    if (line.kind === 'text') text.push(line.text.trimEnd());
    if (line.kind === 'qr') qr.push(line.data);
    if (line.kind === 'barcode') barcodes.push(line.data);
  }
  return { text: text.join('\n'), qr, barcodes };
}

/** Every ticket in a byte stream; what follows the last cut counts as one more if anything. */
export function decodeEscPos(bytes: Uint8Array): PrintedJob[] {
  const recorder = new JobRecorder();
  const jobs: PrintedJob[] = [];
  for (const c of parseAll(bytes).commands) {
    const job = recorder.apply(c);
    if (job) jobs.push(job);
  }
  const rest = recorder.takeJob(false);
  if (rest) jobs.push(rest);
  return jobs;
}
