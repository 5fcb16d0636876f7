// A scanner's byte stream cut into scans: each ends with CR, LF or CR LF. A line longer than
// any code the kiosk reads is thrown away whole and reported, never passed on in pieces.
import iconv from 'iconv-lite';

export type ScanLineEvent = { kind: 'line'; text: string } | { kind: 'overflow'; bytes: number };

export type ScanEncoding = 'utf8' | 'gb18030';

export class ScanLines {
  #bytes: number[] = [];
  #overflowed = 0;
  #afterCr = false;

  constructor(
    private readonly encoding: ScanEncoding = 'utf8',
    private readonly maxBytes = 4096,
  ) {}

  push(chunk: Uint8Array): ScanLineEvent[] {
    const out: ScanLineEvent[] = [];
    for (const b of chunk) {
      const lf = b === 0x0a;
      if (lf && this.#afterCr) {
        this.#afterCr = false;
        continue;
      }
      this.#afterCr = b === 0x0d;
      if (b === 0x0d || lf) {
        if (this.#overflowed > 0) out.push({ kind: 'overflow', bytes: this.#overflowed });
        else if (this.#bytes.length > 0) out.push({ kind: 'line', text: this.#decode() });
        this.#bytes = [];
        this.#overflowed = 0;
        continue;
      }
      if (this.#overflowed > 0 || this.#bytes.length >= this.maxBytes) {
        this.#overflowed = (this.#overflowed || this.#bytes.length) + 1;
        this.#bytes = [];
        continue;
      }
      this.#bytes.push(b);
    }
    return out;
  }

  #decode(): string {
    const bytes = Buffer.from(this.#bytes);
    return this.encoding === 'gb18030' ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
  }
}
