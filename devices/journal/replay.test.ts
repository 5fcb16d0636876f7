// The journal's promise, as properties of its bytes: whatever a crash leaves of the file,
// replay yields exactly the applications whose frames were whole, and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFrame, readFrame } from './frame';
import { comparable, concat, expectedLive, recordsArb } from './journal-fixture';
import { decodeRecord, encodeRecord, type JournalPut, type JournalRecord } from './journal-record';
import { replayBytes, type ReplayResult } from './replay';

/** Reads the live puts back from the bytes, as the journal does from its file. */
function livePuts(bytes: Uint8Array, result: ReplayResult): JournalPut[] {
  return result.live.list().map((entry) => {
    const end = entry.offset + entry.bytes;
    const check = checkFrame(bytes, entry.offset, end);
    if (check.kind !== 'ok' || check.end !== end)
      throw new Error('live entry is not a whole frame');
    const record = decodeRecord(readFrame(bytes, entry.offset, end));
    if (record.kind !== 'put') throw new Error('live entry is not a put');
    const { envelopeId, envelope, attachments } = record;
    return { envelopeId, envelope, attachments };
  });
}

function journalOf(records: readonly JournalRecord[]) {
  const frames = records.map(encodeRecord);
  const ends = frames.map((_, i) => frames.slice(0, i + 1).reduce((n, f) => n + f.length, 0));
  return { frames, ends, bytes: concat(frames) };
}

describe('journal replay', () => {
  it('after a crash at any byte, holds exactly the entries whose frames were whole', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const { ends, bytes } = journalOf(records);
        const expected = ends.map((_, n) => comparable(expectedLive(records.slice(0, n))));
        expected.push(comparable(expectedLive(records)));
        for (let cut = 0; cut <= bytes.length; cut++) {
          const whole = ends.filter((end) => end <= cut).length;
          const goodEnd = whole === 0 ? 0 : ends[whole - 1]!;
          const left = bytes.subarray(0, cut);
          const result = replayBytes(left);
          const actual = {
            live: comparable(livePuts(left, result)),
            goodEnd: result.goodEnd,
            tornTail: result.tornTail ?? null,
            corrupt: result.corrupt,
          };
          const wanted = {
            live: expected[whole],
            goodEnd,
            tornTail: cut > goodEnd ? { offset: goodEnd, bytes: cut - goodEnd } : null,
            corrupt: [],
          };
          // Thousands of cuts per case: compare cheaply, let expect explain a difference.
          if (JSON.stringify(actual) !== JSON.stringify(wanted)) expect(actual).toEqual(wanted);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never replays a last record with flipped bits, whether whole or torn', () => {
    fc.assert(
      fc.property(
        recordsArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(7)), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (records, flips, cut) => {
          const { frames, ends, bytes } = journalOf(records);
          const lastStart = bytes.length - frames.at(-1)!.length;
          for (const [at, bit] of flips)
            bytes[lastStart + (at % frames.at(-1)!.length)]! ^= 1 << bit;
          // The torn write may also have stopped anywhere within the record.
          const end = lastStart + 1 + (cut % frames.at(-1)!.length);
          const left = bytes.subarray(0, end);
          const result = replayBytes(left);
          // Flips may cancel out: then the record is whole and rightly kept.
          const intact = end === bytes.length && checkFrame(bytes, lastStart, end).kind === 'ok';
          const kept = intact ? records : records.slice(0, -1);
          expect(comparable(livePuts(left, result))).toEqual(comparable(expectedLive(kept)));
          expect(result.goodEnd).toBe(intact ? end : (ends.at(-2) ?? 0));
          expect(result.corrupt).toEqual([]);
        },
      ),
    );
  });

  it('reports a damaged record in the middle and keeps every record after it', () => {
    fc.assert(
      fc.property(
        recordsArb.filter((r) => r.length >= 2),
        fc.nat(),
        fc.nat(),
        fc.nat(7),
        (records, which, at, bit) => {
          const { frames, ends, bytes } = journalOf(records);
          const hit = which % (records.length - 1);
          const start = ends[hit]! - frames[hit]!.length;
          bytes[start + (at % frames[hit]!.length)]! ^= 1 << bit;
          const result = replayBytes(bytes);
          expect(result.corrupt).toEqual([{ offset: start, bytes: frames[hit]!.length }]);
          expect(result.tornTail).toBeUndefined();
          expect(comparable(livePuts(bytes, result))).toEqual(
            comparable(expectedLive(records.filter((_, i) => i !== hit))),
          );
        },
      ),
    );
  });

  it('holds what was put and not acknowledged since, a repeated put replacing the first', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const { bytes } = journalOf(records);
        const result = replayBytes(bytes);
        const expected = expectedLive(records);
        expect(comparable(livePuts(bytes, result))).toEqual(comparable(expected));
        expect(result.live.liveBytes).toBe(
          result.live.list().reduce((n, entry) => n + entry.bytes, 0),
        );
      }),
    );
  });
});
