import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SamFrameDecoder, type DecoderEvent } from './frame-decoder';
import { fromHex } from '../../domain/hex';
import { encodeFrame, encodeReply } from './sam-frame';

const framesOf = (events: DecoderEvent[]) =>
  events.flatMap((e) => (e.kind === 'frame' ? [Array.from(e.body)] : []));

const feed = (decoder: SamFrameDecoder, chunks: Uint8Array[]) =>
  chunks.flatMap((c) => decoder.push(c));

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** Cuts bytes at the given positions (any order, duplicates allowed). */
const split = (bytes: Uint8Array, cuts: number[]) => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.slice(at, p));
    at = p;
  }
  return chunks;
};

const bodyArb = fc.uint8Array({ minLength: 3, maxLength: 300 });

describe('SamFrameDecoder', () => {
  it('resynchronises after the stray bytes of the captured AA 00 AA AA 96 69 …', () => {
    const events = new SamFrameDecoder().push(fromHex('AA 00 AA AA 96 69 00 04 00 00 90 94'));
    expect(framesOf(events)).toEqual([[0, 0, 0x90]]);
    expect(events[0]).toEqual({ kind: 'discarded', bytes: 2, reason: 'noise' });
  });

  it('drops a frame with a bad checksum and keeps the next one', () => {
    const bad = fromHex('AA AA AA 96 69 00 04 00 00 90 95');
    const good = fromHex('AA AA AA 96 69 00 04 00 00 80 84');
    const events = new SamFrameDecoder().push(concat(bad, good));
    expect(framesOf(events)).toEqual([[0, 0, 0x80]]);
    expect(events).toContainEqual({ kind: 'discarded', bytes: 1, reason: 'checksum' });
  });

  it('rejects impossible lengths and resynchronises', () => {
    const events = new SamFrameDecoder().push(
      fromHex('AA AA AA 96 69 00 01 AA AA AA 96 69 00 04 00 00 90 94'),
    );
    expect(framesOf(events)).toEqual([[0, 0, 0x90]]);
    expect(events).toContainEqual({ kind: 'discarded', bytes: 1, reason: 'length' });
  });

  it('is not held back by a false preamble with a long length', () => {
    const good = encodeReply({ sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) });
    const events = new SamFrameDecoder().push(concat(fromHex('AA AA AA 96 69 09 00 01 02'), good));
    expect(framesOf(events)).toEqual([Array.from(good.subarray(7, -1))]);
  });

  it('yields the same frames however the stream is split', () => {
    fc.assert(
      fc.property(
        fc.array(bodyArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (bodies, cuts) => {
          const stream = concat(...bodies.map(encodeFrame));
          const frames = framesOf(feed(new SamFrameDecoder(), split(stream, cuts)));
          expect(frames).toEqual(bodies.map((b) => Array.from(b)));
        },
      ),
    );
  });

  it('finds every frame between stray bytes that hold no preamble', () => {
    const noise = fc
      .uint8Array({ maxLength: 20 })
      .map((n) => n.map((b) => (b === 0xaa ? 0x00 : b)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(noise, bodyArb), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (parts, cuts) => {
          const stream = concat(...parts.flatMap(([n, body]) => [n, encodeFrame(body)]));
          const frames = framesOf(feed(new SamFrameDecoder(), split(stream, cuts)));
          expect(frames).toEqual(parts.map(([, b]) => Array.from(b)));
        },
      ),
    );
  });

  it('never throws on random bytes and still decodes a frame sent after them', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        bodyArb,
        (garbage, cuts, body) => {
          const decoder = new SamFrameDecoder();
          feed(decoder, split(garbage, cuts));
          const frames = framesOf(decoder.push(encodeFrame(body)));
          expect(frames.at(-1)).toEqual(Array.from(body));
          expect(decoder.buffered).toBe(0);
        },
      ),
    );
  });

  it('keeps its buffer bounded on endless noise', () => {
    const decoder = new SamFrameDecoder();
    for (let i = 0; i < 1000; i++) decoder.push(Uint8Array.of(0xaa, 0x01, 0x96, 0x69, i & 0xff));
    expect(decoder.buffered).toBeLessThan(5);
  });
});
