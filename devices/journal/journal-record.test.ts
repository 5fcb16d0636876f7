import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFrame, encodeFrame, readFrame } from './frame';
import { recordArb } from './journal-fixture';
import {
  RecordFormatError,
  RecordKind,
  UnsupportedRecordError,
  decodeRecord,
  encodePut,
  encodeRecord,
} from './journal-record';

const frameOf = (bytes: Uint8Array) => {
  const check = checkFrame(bytes, 0, bytes.length);
  if (check.kind !== 'ok') throw new Error('not a frame');
  return readFrame(bytes, 0, check.end);
};

const put = {
  envelopeId: '3f1c7d52-0000-4000-8000-000000000001',
  envelope: Uint8Array.of(1, 2),
  attachments: [{ id: '3f1c7d52-0000-4000-8000-00000000000a', sealed: Uint8Array.of(3) }],
};

describe('journal records', () => {
  it('read back what was encoded, puts and acks', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(decodeRecord(frameOf(encodeRecord(record)))).toEqual(record);
      }),
    );
  });

  it('refuse a payload cut short or with bytes left over', () => {
    const payload = encodePut(put);
    for (let end = 0; end < payload.length; end++) {
      const frame = frameOf(encodeFrame(RecordKind.put, payload.subarray(0, end)));
      expect(() => decodeRecord(frame)).toThrow(RecordFormatError);
    }
    const longer = frameOf(encodeFrame(RecordKind.put, Uint8Array.of(...payload, 0)));
    expect(() => decodeRecord(longer)).toThrow(RecordFormatError);
  });

  it('refuse an id that is not an opaque id', () => {
    const payload = encodePut({ ...put, envelopeId: 'x'.repeat(10) });
    payload.set([0xe5, 0xbc, 0xa0], 1);
    expect(() => decodeRecord(frameOf(encodeFrame(RecordKind.put, payload)))).toThrow(
      RecordFormatError,
    );
  });

  it('refuse, as unsupported, a kind or version of newer software', () => {
    const payload = encodePut(put);
    expect(() => decodeRecord({ version: 1, kind: 9, payload })).toThrow(UnsupportedRecordError);
    expect(() => decodeRecord({ version: 2, kind: RecordKind.put, payload })).toThrow(
      UnsupportedRecordError,
    );
  });
});
