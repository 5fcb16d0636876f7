// The part of the `qrcode` package the kiosk uses (`create`, pure JavaScript in its browser
// build). @types/qrcode opens with `/// <reference types="node" />` for its stream and Buffer
// functions, which would bring every Node global into the browser program, so
// tsconfig.browser.json maps `qrcode` to this file; Node code keeps @types/qrcode.

export type QRCodeErrorCorrectionLevel =
  'low' | 'medium' | 'quartile' | 'high' | 'L' | 'M' | 'Q' | 'H';

export interface QRCodeOptions {
  version?: number;
  errorCorrectionLevel?: QRCodeErrorCorrectionLevel;
}

/** The symbol's modules: `get` is 1 for a dark module. */
export interface BitMatrix {
  size: number;
  get(row: number, col: number): number;
}

export interface QRCode {
  modules: BitMatrix;
  version: number;
}

export function create(text: string, options?: QRCodeOptions): QRCode;
