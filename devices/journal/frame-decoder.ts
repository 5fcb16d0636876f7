// An incremental, pure decoder of journal frames, fed the file in chunks of any size so
// that replay holds one record in memory, not the journal.
//
// What follows the last intact frame is the tail: a crash cut it or tore it, and it is
// reported as such and never decoded. Damage with intact frames after it is something else
// (the disk, or a write that failed and could not be cut away): it is reported with its
// place, and decoding goes on at the next intact frame, so nothing after it is lost and
// no garbage is ever taken for a record.
import { HEADER_BYTES, MAGIC, checkFrame, readFrame, type Frame } from './frame';

export type FrameEvent =
  /** An intact frame and where it lies in the stream. */
  | { kind: 'frame'; offset: number; bytes: number; frame: Frame }
  /** Damaged bytes with intact frames after them. */
  | { kind: 'corrupt'; offset: number; bytes: number }
  /** Bytes after the last intact frame, at the end of the stream. */
  | { kind: 'torn-tail'; offset: number; bytes: number };

export class FrameDecoder {
  /** Bytes not yet consumed are buffer[head, tail); `offset` is buffer[head]'s place in the stream. */
  private buffer = new Uint8Array(0);
  private head = 0;
  private tail = 0;
  private offset = 0;
  /** While the head is damaged: where the search for the next intact frame goes on. */
  private resyncFrom = -1;
  private ended = false;

  push(chunk: Uint8Array): FrameEvent[] {
    if (this.ended) throw new Error('FrameDecoder: push after end');
    this.append(chunk);
    return this.drain(false);
  }

  /** The stream is over: whatever is left is the torn tail, unless intact frames follow damage. */
  end(): FrameEvent[] {
    if (this.ended) return [];
    this.ended = true;
    const events = this.drain(true);
    const left = this.tail - this.head;
    if (left > 0) events.push({ kind: 'torn-tail', offset: this.offset, bytes: left });
    this.head = this.tail = 0;
    this.offset += left;
    return events;
  }

  private drain(final: boolean): FrameEvent[] {
    const events: FrameEvent[] = [];
    for (;;) {
      if (this.head === this.tail) break;
      if (this.resyncFrom < 0) {
        const check = checkFrame(this.buffer, this.head, this.tail);
        if (check.kind === 'incomplete' && !final) break;
        if (check.kind === 'ok') {
          const bytes = check.end - this.head;
          const frame = readFrame(this.buffer, this.head, check.end);
          events.push({ kind: 'frame', offset: this.offset, bytes, frame });
          this.consume(bytes);
          continue;
        }
        this.resyncFrom = this.head + 1;
      }
      const next = this.findIntactFrame(final);
      if (next < 0) break;
      events.push({ kind: 'corrupt', offset: this.offset, bytes: next - this.head });
      this.resyncFrom = -1;
      this.consume(next - this.head);
    }
    if (this.head === this.tail) this.head = this.tail = 0;
    return events;
  }

  /**
   * The first intact frame after the damaged head, or -1. A candidate whose header is
   * intact but whose payload has not all come yet is waited for: a frame starting later
   * would lie inside it.
   */
  private findIntactFrame(final: boolean): number {
    const b = this.buffer;
    for (let at = this.resyncFrom; at < this.tail; at++) {
      if (b[at] !== MAGIC[0]) continue;
      const check = checkFrame(b, at, this.tail);
      if (check.kind === 'ok') return at;
      if (check.kind === 'incomplete' && !final) {
        this.resyncFrom = at;
        return -1;
      }
    }
    // A header cut off at the end may still become a frame.
    this.resyncFrom = Math.max(this.head + 1, this.tail - HEADER_BYTES + 1);
    return -1;
  }

  private consume(bytes: number): void {
    this.head += bytes;
    this.offset += bytes;
  }

  private append(chunk: Uint8Array): void {
    if (this.tail + chunk.length > this.buffer.length) {
      const live = this.tail - this.head;
      const size = Math.max(this.buffer.length, 4096, 2 * (live + chunk.length));
      const next = size === this.buffer.length ? this.buffer : new Uint8Array(size);
      next.set(this.buffer.subarray(this.head, this.tail), 0);
      if (this.resyncFrom >= 0) this.resyncFrom -= this.head;
      this.buffer = next;
      this.head = 0;
      this.tail = live;
    }
    this.buffer.set(chunk, this.tail);
    this.tail += chunk.length;
  }
}
