// The ESC/POS commands the kiosk uses, as bytes (see docs/protocols/escpos.md).

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

const alignCode: Record<Align, number> = { left: 0, center: 1, right: 2 };
const ecCode: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };

export const initialise = () => [ESC, 0x40];
export const chineseModeOn = () => [FS, 0x26];
export const chineseModeOff = () => [FS, 0x2e];
export const align = (a: Align) => [ESC, 0x61, alignCode[a]];
export const bold = (on: boolean) => [ESC, 0x45, on ? 1 : 0];
/** GS !: `scale` multiplies width and height alike (1 normal, 2 double). */
export const characterSize = (scale: 1 | 2) => [GS, 0x21, scale === 2 ? 0x11 : 0x00];
export const feedLines = (n: number) => [ESC, 0x64, n];
/** GS V B/A n: feed to the cutter (plus n) and cut, so the last line is not cut through. */
export const feedAndCut = (kind: 'partial' | 'full', n = 0) => [
  GS,
  0x56,
  kind === 'full' ? 0x41 : 0x42,
  n,
];

function qrFunction(fn: number, ...params: number[]): number[] {
  const len = params.length + 2;
  return [GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, fn, ...params];
}

export function qrCode(data: Uint8Array, moduleSize: number, ec: QrErrorCorrection): number[] {
  if (data.length + 3 > 0xffff) throw new RangeError('QR data too long');
  return [
    ...qrFunction(0x41, 0x32, 0x00),
    ...qrFunction(0x43, moduleSize),
    ...qrFunction(0x45, ecCode[ec]),
    ...qrFunction(0x50, 0x30, ...data),
    ...qrFunction(0x51, 0x30),
  ];
}

/** CODE128 in code set B, human-readable text below. */
export function code128(data: Uint8Array, moduleWidth: number, height = 80): number[] {
  const payload = [0x7b, 0x42, ...data]; // "{B"
  return [
    GS,
    0x68,
    height,
    GS,
    0x77,
    moduleWidth,
    GS,
    0x48,
    2,
    GS,
    0x6b,
    73,
    payload.length,
    ...payload,
  ];
}

export const statusQuery = (n: number) => [DLE, EOT, n];
/** GS a n: automatic status back for drawer, online, error and paper sensor changes. */
export const autoStatusBack = (on: boolean) => [GS, 0x61, on ? 0x0f : 0x00];
/** GS r 1: paper status, answered only when the printer reaches it in the buffer. */
export const transmitPaperStatus = () => [GS, 0x72, 0x01];
