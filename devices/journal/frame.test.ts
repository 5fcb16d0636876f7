import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  HEADER_BYTES,
  MAX_PAYLOAD_BYTES,
  TRAILER_BYTES,
  checkFrame,
  encodeFrame,
  readFrame,
} from './frame';

describe('journal frame', () => {
  it('reads back what it encoded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 500 }),
        (kind, payload) => {
          const frame = encodeFrame(kind, payload);
          expect(frame.length).toBe(HEADER_BYTES + payload.length + TRAILER_BYTES);
          expect(checkFrame(frame, 0, frame.length)).toEqual({ kind: 'ok', end: frame.length });
          expect(readFrame(frame, 0, frame.length)).toEqual({ version: 1, kind, payload });
        },
      ),
    );
  });

  it('finds a frame where it lies inside other bytes', () => {
    const frame = encodeFrame(1, Uint8Array.of(1, 2, 3));
    const bytes = new Uint8Array(frame.length + 10);
    bytes.set(frame, 4);
    expect(checkFrame(bytes, 4, bytes.length)).toEqual({ kind: 'ok', end: 4 + frame.length });
    expect(checkFrame(bytes.subarray(2), 2, bytes.length - 2).kind).toBe('ok');
  });

  it('catches any flipped bit, header and length included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.nat(7), (payload, at, bit) => {
        const frame = encodeFrame(1, payload);
        frame[at % frame.length]! ^= 1 << bit;
        expect(checkFrame(frame, 0, frame.length).kind).not.toBe('ok');
      }),
    );
  });

  it('says incomplete for every proper prefix of a frame', () => {
    const frame = encodeFrame(
      2,
      Uint8Array.from({ length: 40 }, (_, i) => i),
    );
    for (let end = 0; end < frame.length; end++) {
      expect(checkFrame(frame, 0, end).kind).toBe('incomplete');
    }
  });

  it('calls a header claiming more than the largest payload bad at once, not incomplete', () => {
    const header = encodeFrame(1, new Uint8Array(0)).slice(0, HEADER_BYTES);
    const view = new DataView(header.buffer);
    view.setUint32(6, MAX_PAYLOAD_BYTES + 1);
    view.setUint32(HEADER_BYTES - 4, crc32(header.subarray(0, HEADER_BYTES - 4)));
    expect(checkFrame(header, 0, header.length)).toEqual({ kind: 'bad' });
  });
});
