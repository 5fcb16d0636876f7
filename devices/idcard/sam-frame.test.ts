import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Commands, setBaudCommand } from './commands';
import { SamFrameDecoder } from './frame-decoder';
import { fromHex, toHex } from '../../domain/hex';
import { encodeReply, encodeRequest, parseReply, parseRequest, wireTimeMs } from './sam-frame';

const decodeOne = (frame: Uint8Array) => {
  const events = new SamFrameDecoder().push(frame);
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.kind !== 'frame') throw new Error('no frame');
  return event.body;
};

describe('SAM frame encoding', () => {
  it.each([
    ['resetSam', 'AA AA AA 96 69 00 03 10 FF EC'],
    ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['readSamId', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
    ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
    ['readBaseInfo', 'AA AA AA 96 69 00 03 30 01 32'],
    ['readWithFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
    ['readNewestAddress', 'AA AA AA 96 69 00 03 30 03 30'],
  ] as const)('encodes %s as the doc shows', (name, hex) => {
    expect(toHex(encodeRequest(Commands[name]))).toBe(hex);
  });

  it('encodes set baud with n as PARA', () => {
    expect(toHex(encodeRequest(setBaudCommand(9600))).slice(0, 26)).toBe(
      'AA AA AA 96 69 00 03 60 04',
    );
  });

  it.each([
    ['AA AA AA 96 69 00 04 00 00 90 94', 0x90, 0],
    ['AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97', 0x9f, 4],
    ['AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C', 0x90, 8],
    ['AA AA AA 96 69 00 04 00 00 80 84', 0x80, 0],
    ['AA AA AA 96 69 00 04 00 00 81 85', 0x81, 0],
    ['AA AA AA 96 69 00 04 00 00 41 45', 0x41, 0],
    ['AA AA AA 96 69 00 04 00 00 31 35', 0x31, 0],
  ])('decodes the doc reply %s', (hex, sw3, dataLength) => {
    const reply = parseReply(decodeOne(fromHex(hex)));
    expect(reply).toMatchObject({ sw1: 0, sw2: 0, sw3 });
    expect(reply?.data).toHaveLength(dataLength);
    expect(encodeReply(reply!)).toEqual(fromHex(hex));
  });

  it('puts the base-info reply on the wire in 112 ms at 115200', () => {
    const frame = encodeReply({ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(4 + 256 + 1024) });
    expect(frame).toHaveLength(1295);
    expect(toHex(frame.subarray(0, 7))).toBe('AA AA AA 96 69 05 08');
    expect(Math.round(wireTimeMs(frame.length, 115200))).toBe(112);
  });

  const byte = fc.integer({ min: 0, max: 255 });
  const data = fc.uint8Array({ maxLength: 2300 });

  it('decode(encode(request)) = request', () => {
    fc.assert(
      fc.property(byte, byte, data, (cmd, para, bytes) => {
        const request = { cmd, para, data: bytes };
        expect(parseRequest(decodeOne(encodeRequest(request)))).toEqual(request);
      }),
    );
  });

  it('decode(encode(reply)) = reply', () => {
    fc.assert(
      fc.property(byte, byte, byte, data, (sw1, sw2, sw3, bytes) => {
        const reply = { sw1, sw2, sw3, data: bytes };
        expect(parseReply(decodeOne(encodeReply(reply)))).toEqual(reply);
      }),
    );
  });
});
