import type { PaperWidth } from './profile';

/** The printable area of a roll: dots across at 203 dpi, and Font A (12 × 24) columns. */
export interface PaperGeometry {
  readonly width: PaperWidth;
  readonly dots: number;
  readonly columns: number;
}

export function paperGeometry(width: PaperWidth): PaperGeometry {
  return width === 58 ? { width, dots: 384, columns: 32 } : { width, dots: 576, columns: 48 };
}

/** Dots per column and per line of Font A. */
export const COLUMN_DOTS = 12;
export const LINE_DOTS = 24;
