// An incremental, pure decoder of SAM frames from a byte stream. Serial reads split frames
// anywhere and readers emit stray bytes, so it keeps a buffer, resynchronises on the
// preamble and checks length and checksum. No parser in serialport's set handles a length
// field followed by an XOR check, hence this one.
import { MAX_LENGTH, MIN_LENGTH, PREAMBLE, checksum } from './sam-frame';

/**
 * Synchronise on the last four preamble bytes: a capture of a real reader shows
 * `AA 00 AA AA 96 69 …`, a reply whose first AA was lost or mangled. The checksum, which
 * covers length and body only, still guards the frame.
 */
const SYNC = PREAMBLE.subarray(1);
/** Sync bytes and the two length bytes. */
const SYNC_HEADER = SYNC.length + 2;

export type DecoderEvent =
  /** A whole frame with a good checksum: the bytes between LEN and CHK. */
  | { kind: 'frame'; body: Uint8Array }
  /** Bytes dropped while resynchronising, and why. */
  | { kind: 'discarded'; bytes: number; reason: 'noise' | 'length' | 'checksum' };

export class SamFrameDecoder {
  /** Bytes not yet consumed are buffer[head, tail); the array grows by doubling. */
  private buffer = new Uint8Array(4096);
  private head = 0;
  private tail = 0;
  /** While the head frame is incomplete: later sync positions, and how far they were sought. */
  private later: number[] = [];
  private soughtTo = 0;

  push(chunk: Uint8Array): DecoderEvent[] {
    this.append(chunk);
    const b = this.buffer;
    const events: DecoderEvent[] = [];
    let pos = this.head;
    for (;;) {
      const start = findSync(b, pos, this.tail);
      if (start < 0) {
        // Keep a tail that might be the start of a sync split across reads.
        const keep = partialSyncTail(b, pos, this.tail);
        const dropped = this.tail - pos - keep;
        if (dropped > 0) events.push({ kind: 'discarded', bytes: dropped, reason: 'noise' });
        pos = this.tail - keep;
        break;
      }
      // The first preamble byte, when it is there, belongs to the frame, not to the noise.
      const frameStart = start > pos && b[start - 1] === PREAMBLE[0] ? start - 1 : start;
      if (frameStart > pos)
        events.push({ kind: 'discarded', bytes: frameStart - pos, reason: 'noise' });
      if (start !== pos) this.forgetLater();
      pos = start;
      const candidate = this.inspect(pos);
      if (candidate === 'incomplete') {
        // A false preamble with a long length would hold back a real frame behind it until
        // that many bytes came; a complete, valid frame further on wins instead.
        const later = this.findCompleteFrameAfter(pos);
        if (later < 0) break;
        events.push({ kind: 'discarded', bytes: later - pos, reason: 'length' });
        this.forgetLater();
        pos = later;
        continue;
      }
      this.forgetLater();
      if (candidate.kind === 'bad') {
        events.push({ kind: 'discarded', bytes: 1, reason: candidate.reason });
        pos += 1;
        continue;
      }
      events.push({ kind: 'frame', body: b.slice(pos + SYNC_HEADER, candidate.end - 1) });
      pos = candidate.end;
    }
    this.head = pos;
    if (this.head === this.tail) this.head = this.tail = 0;
    return events;
  }

  /** Drops whatever is buffered, e.g. after a command timed out. */
  reset(): number {
    const dropped = this.tail - this.head;
    this.head = this.tail = 0;
    this.forgetLater();
    return dropped;
  }

  get buffered(): number {
    return this.tail - this.head;
  }

  private append(chunk: Uint8Array): void {
    if (this.tail + chunk.length > this.buffer.length) {
      const live = this.tail - this.head;
      const size = Math.max(this.buffer.length, 2 * (live + chunk.length));
      const shift = this.head;
      const next = size === this.buffer.length ? this.buffer : new Uint8Array(size);
      if (next === this.buffer) next.copyWithin(0, this.head, this.tail);
      else next.set(this.buffer.subarray(this.head, this.tail), 0);
      this.buffer = next;
      this.head = 0;
      this.tail = live;
      this.later = this.later.map((at) => at - shift);
      this.soughtTo = Math.max(0, this.soughtTo - shift);
    }
    this.buffer.set(chunk, this.tail);
    this.tail += chunk.length;
  }

  private forgetLater(): void {
    this.later = [];
    this.soughtTo = 0;
  }

  private inspect(
    pos: number,
  ): 'incomplete' | { kind: 'bad'; reason: 'length' | 'checksum' } | { kind: 'ok'; end: number } {
    const b = this.buffer;
    if (this.tail < pos + SYNC_HEADER) return 'incomplete';
    const length = (b[pos + SYNC.length]! << 8) | b[pos + SYNC.length + 1]!;
    if (length < MIN_LENGTH || length > MAX_LENGTH) return { kind: 'bad', reason: 'length' };
    const end = pos + SYNC_HEADER + length;
    if (this.tail < end) return 'incomplete';
    if (checksum(b, pos + SYNC.length, end - 1) !== b[end - 1]) {
      return { kind: 'bad', reason: 'checksum' };
    }
    return { kind: 'ok', end };
  }

  /** Looks only at bytes new since the last call, and at later candidates still waiting. */
  private findCompleteFrameAfter(pos: number): number {
    for (let at = findSync(this.buffer, Math.max(pos + 1, this.soughtTo), this.tail); at >= 0;) {
      this.later.push(at);
      at = findSync(this.buffer, at + 1, this.tail);
    }
    // A sync cut off at the end is sought again next time.
    this.soughtTo = Math.max(pos + 1, this.tail - (SYNC.length - 1));
    const waiting: number[] = [];
    for (const at of this.later) {
      const candidate = this.inspect(at);
      if (candidate === 'incomplete') waiting.push(at);
      else if (candidate.kind === 'ok') return at;
    }
    this.later = waiting;
    return -1;
  }
}

function findSync(b: Uint8Array, from: number, end: number): number {
  const last = end - SYNC.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < SYNC.length; j++) if (b[i + j] !== SYNC[j]) continue outer;
    return i;
  }
  return -1;
}

/** How many bytes before `end` (from `from` on) could begin a sync. */
function partialSyncTail(b: Uint8Array, from: number, end: number): number {
  const max = Math.min(SYNC.length - 1, end - from);
  outer: for (let n = max; n > 0; n--) {
    const at = end - n;
    for (let j = 0; j < n; j++) if (b[at + j] !== SYNC[j]) continue outer;
    return n;
  }
  return 0;
}
