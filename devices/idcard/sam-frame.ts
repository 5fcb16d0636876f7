// SAM frames as the reader protocol defines them (docs/protocols/idcard-reader.md):
//   AA AA AA 96 69 | LEN_H LEN_L | body | CHK
// LEN counts the body and CHK; CHK is the XOR of the length bytes and the body.
import { byteHex } from '../../domain/hex';

export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Preamble and the two length bytes. */
export const HEADER_SIZE = PREAMBLE.length + 2;
/** A request carries at least CMD PARA, a reply SW1 SW2 SW3; either plus CHK. */
export const MIN_LENGTH = 3;
/**
 * Largest LEN accepted: a read with fingerprint (3 status bytes, three lengths, 256 text,
 * 1024 photo, 1024 fingerprint, CHK) is 2,314; anything much larger is noise.
 */
export const MAX_LENGTH = 0x0a00;

export interface Request {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export interface Reply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export function checksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum ^= bytes[i]!;
  return sum;
}

/** Wraps a body (everything between LEN and CHK) into a whole frame. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  if (length > 0xffff) throw new RangeError(`SAM frame body too long: ${body.length} bytes`);
  const frame = new Uint8Array(HEADER_SIZE + length);
  frame.set(PREAMBLE, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(body, HEADER_SIZE);
  frame[frame.length - 1] = checksum(frame, PREAMBLE.length, frame.length - 1);
  return frame;
}

export function encodeRequest({ cmd, para, data }: Request): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

export function encodeReply({ sw1, sw2, sw3, data }: Reply): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

/** Reads a frame body (as the decoder yields it) as a request; null if too short. */
export function parseRequest(body: Uint8Array): Request | null {
  if (body.length < 2) return null;
  return { cmd: body[0]!, para: body[1]!, data: body.slice(2) };
}

/** Reads a frame body (as the decoder yields it) as a reply; null if too short. */
export function parseReply(body: Uint8Array): Reply | null {
  if (body.length < 3) return null;
  return { sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: body.slice(3) };
}

/** Bytes on a serial line of 8N1: ten bit times each. */
export function wireTimeMs(bytes: number, baudRate: number): number {
  return (bytes * 10 * 1000) / baudRate;
}

export type SingleFrameResult =
  | { ok: true; body: Uint8Array }
  | { ok: false; problem: 'preamble' | 'length' | 'checksum'; message: string };

/** Strictly one whole frame, nothing before or after: for a technician's pasted hex. */
export function decodeSingleFrame(bytes: Uint8Array): SingleFrameResult {
  if (bytes.length < HEADER_SIZE || PREAMBLE.some((b, i) => bytes[i] !== b)) {
    return {
      ok: false,
      problem: 'preamble',
      message: 'does not start with the preamble AA AA AA 96 69',
    };
  }
  const length = (bytes[5]! << 8) | bytes[6]!;
  if (length < MIN_LENGTH || HEADER_SIZE + length !== bytes.length) {
    return {
      ok: false,
      problem: 'length',
      message: `LEN says ${length} bytes after the length field, there are ${bytes.length - HEADER_SIZE}`,
    };
  }
  const expected = checksum(bytes, PREAMBLE.length, bytes.length - 1);
  const found = bytes[bytes.length - 1]!;
  if (expected !== found) {
    return {
      ok: false,
      problem: 'checksum',
      message: `checksum ${byteHex(found)}, expected ${byteHex(expected)}`,
    };
  }
  return { ok: true, body: bytes.slice(HEADER_SIZE, bytes.length - 1) };
}
