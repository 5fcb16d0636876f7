// AIM symbology identifiers (]Xm) that scanners can put before the data, and what they mean.

const AIM: Record<string, string> = {
  Q: 'qr',
  d: 'datamatrix',
  L: 'pdf417',
  z: 'aztec',
  C: 'code128',
  E: 'ean-upc',
  A: 'code39',
  G: 'code93',
  I: 'itf',
  F: 'codabar',
};

const PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** Splits an AIM prefix off scanned text; text without one passes through. */
export function splitSymbology(line: string): { text: string; symbology?: string } {
  if (!PREFIX.test(line)) return { text: line };
  const letter = line[1]!;
  return { text: line.slice(3), symbology: AIM[letter] ?? `aim-${line.slice(1, 3)}` };
}

/** The AIM prefix a scanner would send for a symbology name, if it has one. */
export function aimPrefix(symbology: string | undefined): string {
  const entry = Object.entries(AIM).find(([, name]) => name === symbology);
  return entry ? `]${entry[0]}${entry[0] === 'Q' ? '1' : '0'}` : '';
}
