import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from './frame';
import { FrameDecoder, type FrameEvent } from './frame-decoder';
import { concat } from './journal-fixture';

const payloadsArb = fc.array(fc.uint8Array({ maxLength: 120 }), { minLength: 1, maxLength: 6 });

/** Cuts bytes at the given positions (any order, duplicates allowed). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.slice(at, p));
    at = p;
  }
  return chunks;
}

function decode(chunks: Uint8Array[]): FrameEvent[] {
  const decoder = new FrameDecoder();
  return [...chunks.flatMap((c) => decoder.push(c)), ...decoder.end()];
}

const summary = (events: FrameEvent[]) =>
  events.map((e) =>
    e.kind === 'frame'
      ? { kind: e.kind, offset: e.offset, bytes: e.bytes, payload: Array.from(e.frame.payload) }
      : e,
  );

function framesOf(payloads: Uint8Array[]) {
  const frames = payloads.map((p) => encodeFrame(1, p));
  const starts = frames.map((_, i) => frames.slice(0, i).reduce((n, f) => n + f.length, 0));
  return { frames, starts, bytes: concat(frames) };
}

describe('FrameDecoder', () => {
  it('yields the same events however the stream is split', () => {
    fc.assert(
      fc.property(payloadsArb, fc.array(fc.nat(), { maxLength: 30 }), (payloads, cuts) => {
        const { frames, starts, bytes } = framesOf(payloads);
        expect(summary(decode(split(bytes, cuts)))).toEqual(
          payloads.map((p, i) => ({
            kind: 'frame',
            offset: starts[i],
            bytes: frames[i]!.length,
            payload: Array.from(p),
          })),
        );
      }),
    );
  });

  it('drops a stream cut at any byte back to the last whole frame, as a torn tail', () => {
    fc.assert(
      fc.property(payloadsArb, fc.nat(), (payloads, cut) => {
        const { frames, starts, bytes } = framesOf(payloads);
        const end = cut % (bytes.length + 1);
        const whole = frames.filter((f, i) => starts[i]! + f.length <= end).length;
        const goodEnd = whole === 0 ? 0 : starts[whole - 1]! + frames[whole - 1]!.length;
        const events = decode([bytes.subarray(0, end)]);
        expect(events.filter((e) => e.kind === 'frame')).toHaveLength(whole);
        expect(events.filter((e) => e.kind !== 'frame')).toEqual(
          end > goodEnd ? [{ kind: 'torn-tail', offset: goodEnd, bytes: end - goodEnd }] : [],
        );
      }),
    );
  });

  it('reports damage in the middle with its place and goes on at the next frame', () => {
    fc.assert(
      fc.property(
        payloadsArb.filter((p) => p.length >= 2),
        fc.nat(),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (payloads, which, at, cuts) => {
          const { frames, starts, bytes } = framesOf(payloads);
          const hit = which % (payloads.length - 1);
          bytes[starts[hit]! + (at % frames[hit]!.length)]! ^= 0x10;
          const events = decode(split(bytes, cuts));
          expect(events.filter((e) => e.kind !== 'frame')).toEqual([
            { kind: 'corrupt', offset: starts[hit], bytes: frames[hit]!.length },
          ]);
          expect(events.filter((e) => e.kind === 'frame').map((e) => e.offset)).toEqual(
            starts.filter((_, i) => i !== hit),
          );
        },
      ),
    );
  });

  it('never takes garbage after the last frame for a frame', () => {
    fc.assert(
      fc.property(
        payloadsArb,
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        (payloads, junk) => {
          const { bytes } = framesOf(payloads);
          const events = decode([concat([bytes, junk])]);
          expect(events.filter((e) => e.kind === 'frame')).toHaveLength(payloads.length);
          expect(events.at(-1)).toEqual({
            kind: 'torn-tail',
            offset: bytes.length,
            bytes: junk.length,
          });
        },
      ),
    );
  });

  it('finds frames after a torn frame whose header promised more than came', () => {
    const torn = encodeFrame(1, new Uint8Array(500)).subarray(0, 100);
    const after = encodeFrame(1, Uint8Array.of(7, 7, 7));
    const events = decode([concat([torn, after])]);
    expect(summary(events)).toEqual([
      { kind: 'corrupt', offset: 0, bytes: 100 },
      { kind: 'frame', offset: 100, bytes: after.length, payload: [7, 7, 7] },
    ]);
  });

  it('waits on a frame split anywhere, header included, without reporting it', () => {
    const frame = encodeFrame(2, Uint8Array.of(1, 2, 3, 4));
    for (let cut = 1; cut < frame.length; cut++) {
      const decoder = new FrameDecoder();
      expect(decoder.push(frame.subarray(0, cut))).toEqual([]);
      expect(decoder.push(frame.subarray(cut)).map((e) => e.kind)).toEqual(['frame']);
      expect(decoder.end()).toEqual([]);
    }
  });
});
