// Reading a journal back, purely: its bytes in, the live applications and the extent of the
// good file out. The journal file feeds it from disk in chunks; tests feed it any bytes.
import { FrameDecoder, type FrameEvent } from './frame-decoder';
import { LiveSet } from './live-set';
import { RecordFormatError, decodeRecord } from './journal-record';

export interface Damage {
  offset: number;
  bytes: number;
}

export interface ReplayResult {
  live: LiveSet;
  /** Where the last intact frame ends: the file is cut back to this. */
  goodEnd: number;
  /** A torn or damaged tail after the last intact frame, dropped. */
  tornTail?: Damage;
  /** Damage with intact frames after it: reported, skipped, never decoded. */
  corrupt: Damage[];
  frames: number;
}

export class Replay {
  private readonly decoder = new FrameDecoder();
  private readonly result: ReplayResult = {
    live: new LiveSet(),
    goodEnd: 0,
    corrupt: [],
    frames: 0,
  };

  push(chunk: Uint8Array): void {
    this.apply(this.decoder.push(chunk));
  }

  /** Throws UnsupportedRecordError for a frame of newer software (nothing is cut then). */
  end(): ReplayResult {
    this.apply(this.decoder.end());
    return this.result;
  }

  private apply(events: FrameEvent[]): void {
    const r = this.result;
    for (const event of events) {
      if (event.kind === 'torn-tail') {
        r.tornTail = { offset: event.offset, bytes: event.bytes };
        continue;
      }
      if (event.kind === 'corrupt') {
        r.corrupt.push({ offset: event.offset, bytes: event.bytes });
        continue;
      }
      r.frames++;
      r.goodEnd = event.offset + event.bytes;
      let record;
      try {
        record = decodeRecord(event.frame);
      } catch (error) {
        // Intact CRCs around a payload we cannot read: report it like damage, keep going.
        if (!(error instanceof RecordFormatError)) throw error;
        r.corrupt.push({ offset: event.offset, bytes: event.bytes });
        continue;
      }
      if (record.kind === 'ack') r.live.ack(record.envelopeIds);
      else
        r.live.put({
          envelopeId: record.envelopeId,
          offset: event.offset,
          bytes: event.bytes,
          attachmentIds: record.attachments.map((a) => a.id),
        });
    }
  }
}

/** Replays whole bytes at once. */
export function replayBytes(bytes: Uint8Array): ReplayResult {
  const replay = new Replay();
  replay.push(bytes);
  return replay.end();
}
