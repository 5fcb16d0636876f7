// What the console shows of a scanned code. A citizen may scan an electronic ID code, a
// health code or a slip with an ID number on it while the technician watches, so the
// preview masks every run of digits long enough to be an ID number (15 or 18 characters,
// possibly longer inside a bigger code) and every mobile number, and is cut short.
import { maskIdNumber, maskPhone } from '../../domain/mask';

export interface ScanPreview {
  text: string;
  /** Length of the scanned text in characters, for the technician to compare with a label. */
  length: number;
  masked: boolean;
  truncated: boolean;
}

export const scanPreviewLimit = 48;

// A run of 15+ digits (the last may be X): any ID number, alone or inside a longer code.
const idLike = /\d{14,}[\dXx]/g;
// Mobile numbers not part of a longer digit run.
const mobile = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
// Scanners send CR, TAB and GS (FNC1 in GS1 codes): made visible, not interpreted.
const controlChars = /\p{Cc}/gu;

function visibleControl(char: string): string {
  if (char === '\r' || char === '\n') return '⏎';
  if (char === '\t') return '⇥';
  if (char === '\u001d') return '<GS>';
  return '·';
}

/** Masks whatever in `text` may identify a person; the rest stays as scanned. */
export function maskPersonalRuns(text: string): { text: string; masked: boolean } {
  let masked = false;
  const out = text
    .replace(idLike, (run) => {
      masked = true;
      return maskIdNumber(run);
    })
    .replace(mobile, (run) => {
      masked = true;
      return maskPhone(run);
    });
  return { text: out, masked };
}

export function scanPreview(scanned: string, limit = scanPreviewLimit): ScanPreview {
  const { text, masked } = maskPersonalRuns(scanned);
  const chars = Array.from(text.replace(controlChars, visibleControl));
  const truncated = chars.length > limit;
  return {
    text: truncated ? `${chars.slice(0, limit).join('')}…` : chars.join(''),
    length: Array.from(scanned).length,
    masked,
    truncated,
  };
}
