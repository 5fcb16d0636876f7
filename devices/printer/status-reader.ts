// Splits what a printer sends back into frames. The byte patterns tell them apart without
// any request bookkeeping (Epson's rule, kept by the clones):
//   DLE EOT answer   0xx1xx10
//   ASB first byte   0xx1xx00, then three bytes 0xx0xxxx
//   GS r answer      0xx0xxxx
// Custom's full status begins with 0x10 and is six bytes long.
import type { StatusScheme } from './profile';

export type StatusFrame =
  | { kind: 'dle-eot'; byte: number }
  | { kind: 'auto-status'; bytes: Uint8Array }
  | { kind: 'custom-full'; bytes: Uint8Array }
  | { kind: 'paper-status'; byte: number };

export class StatusReader {
  #frame: number[] = [];
  #want = 0;
  #kind: 'auto-status' | 'custom-full' = 'auto-status';

  constructor(private readonly scheme: StatusScheme) {}

  push(chunk: Uint8Array): StatusFrame[] {
    const frames: StatusFrame[] = [];
    for (const b of chunk) {
      if (this.#want > 0) {
        this.#frame.push(b);
        if (this.#frame.length === this.#want) {
          frames.push({ kind: this.#kind, bytes: Uint8Array.from(this.#frame) });
          this.#want = 0;
          this.#frame = [];
        }
        continue;
      }
      if (this.scheme.kind === 'custom-full' && b === 0x10) {
        this.#start('custom-full', 6, b);
      } else if ((b & 0x93) === 0x12) {
        frames.push({ kind: 'dle-eot', byte: b });
      } else if ((b & 0x93) === 0x10) {
        this.#start('auto-status', 4, b);
      } else if ((b & 0x90) === 0x00) {
        frames.push({ kind: 'paper-status', byte: b });
      }
      // Anything else is line noise: dropped, the next poll corrects the picture.
    }
    return frames;
  }

  #start(kind: 'auto-status' | 'custom-full', length: number, first: number): void {
    this.#kind = kind;
    this.#want = length;
    this.#frame = [first];
  }
}
