// Text as the printer sees it in Chinese mode: GB18030 bytes, where every multi-byte
// character prints two columns wide and every ASCII byte one.
import iconv from 'iconv-lite';
import type { FontRepertoire } from './profile';

/** Printed in place of a character the printer's font has no glyph for: visible, not silent. */
export const PLACEHOLDER = '□';

/** A character as printed: its bytes and how many columns it takes. */
export interface PrintedChar {
  readonly char: string;
  readonly bytes: Uint8Array;
  readonly columns: 1 | 2;
}

// Control characters would be taken as commands: a name containing ESC must not reconfigure
// the printer. They print as a space.
const isControl = (ch: string) => {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || c === 0x7f;
};

export function printedChars(text: string, repertoire: FontRepertoire): PrintedChar[] {
  const out: PrintedChar[] = [];
  for (const raw of text) {
    const char = isControl(raw) || isLoneSurrogate(raw) ? ' ' : raw;
    let bytes: Uint8Array = iconv.encode(char, 'gb18030');
    if (bytes.length === 4 && repertoire === 'gbk') bytes = iconv.encode(PLACEHOLDER, 'gb18030');
    out.push({ char, bytes, columns: bytes.length === 1 ? 1 : 2 });
  }
  return out;
}

function isLoneSurrogate(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0xd800 && c <= 0xdfff;
}

export function columnsOf(chars: readonly PrintedChar[]): number {
  let n = 0;
  for (const c of chars) n += c.columns;
  return n;
}

export function concatBytes(chars: readonly PrintedChar[]): number[] {
  const out: number[] = [];
  for (const c of chars) for (const b of c.bytes) out.push(b);
  return out;
}

/**
 * Breaks text into lines of at most `width` columns. Latin words stay whole where they fit
 * on a line; Chinese text breaks between any two characters. A double-width character never
 * straddles the edge.
 */
export function wrapColumns(chars: readonly PrintedChar[], width: number): PrintedChar[][] {
  if (width < 2) throw new RangeError('line width must be at least two columns');
  const lines: PrintedChar[][] = [];
  let line: PrintedChar[] = [];
  let used = 0;
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c.char === '\n') {
      lines.push(line);
      line = [];
      used = 0;
      i++;
      continue;
    }
    if (used + c.columns <= width) {
      line.push(c);
      used += c.columns;
      i++;
      continue;
    }
    // The line is full. Move a partial Latin word to the next line if the word would fit there.
    const wordStart = latinWordStart(line);
    if (c.columns === 1 && c.char !== ' ' && wordStart > 0) {
      const word = line.splice(wordStart);
      if (columnsOf(word) + 1 <= width) {
        lines.push(trimEnd(line));
        line = word;
        used = columnsOf(word);
        continue;
      }
      line.push(...word);
    }
    lines.push(trimEnd(line));
    line = [];
    used = 0;
    if (c.char === ' ') i++; // a space at the break is the break
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

function latinWordStart(line: readonly PrintedChar[]): number {
  let k = line.length;
  while (k > 0) {
    const prev = line[k - 1]!;
    if (prev.columns !== 1 || prev.char === ' ') break;
    k--;
  }
  return k;
}

function trimEnd(line: PrintedChar[]): PrintedChar[] {
  while (line.length > 0 && line[line.length - 1]!.char === ' ') line.pop();
  return line;
}
