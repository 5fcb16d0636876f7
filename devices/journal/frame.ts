// One record of the journal on disk, as bytes (all integers big-endian):
//   magic "BDJL" | version u8 | kind u8 | length u32 | header CRC32 | payload | CRC32
// The header has a CRC of its own so that a flipped length is caught as corruption at once,
// instead of swallowing every record after it as the payload of one torn record. The last
// CRC continues from the header's, so a payload cannot be credited to another header.
import { crc32 } from 'node:zlib';

export const MAGIC = Uint8Array.of(0x42, 0x44, 0x4a, 0x4c);
export const FORMAT_VERSION = 1;
/** Magic, version, kind, length, header CRC. */
export const HEADER_BYTES = MAGIC.length + 1 + 1 + 4 + 4;
export const TRAILER_BYTES = 4;
/**
 * Largest payload accepted. Twenty 10 MiB attachments and the envelope fit; a length
 * beyond this is damage, and refusing it keeps a bad header from making the decoder wait
 * for (or allocate) gigabytes.
 */
export const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

export interface Frame {
  version: number;
  kind: number;
  payload: Uint8Array;
}

export function encodeFrame(kind: number, payload: Uint8Array): Uint8Array {
  if (payload.length > MAX_PAYLOAD_BYTES) {
    throw new RangeError(`journal payload too long: ${payload.length} bytes`);
  }
  const frame = new Uint8Array(HEADER_BYTES + payload.length + TRAILER_BYTES);
  const view = new DataView(frame.buffer);
  frame.set(MAGIC, 0);
  frame[MAGIC.length] = FORMAT_VERSION;
  frame[MAGIC.length + 1] = kind;
  view.setUint32(MAGIC.length + 2, payload.length);
  const headerCrc = crc32(frame.subarray(0, HEADER_BYTES - 4));
  view.setUint32(HEADER_BYTES - 4, headerCrc);
  frame.set(payload, HEADER_BYTES);
  view.setUint32(HEADER_BYTES + payload.length, crc32(payload, headerCrc));
  return frame;
}

export type FrameCheck =
  /** Not enough bytes yet to tell. */
  { kind: 'incomplete' } | { kind: 'bad' } | { kind: 'ok'; end: number };

/** Checks whether a whole, intact frame starts at `pos` of `bytes[..end)`. */
export function checkFrame(bytes: Uint8Array, pos: number, end: number): FrameCheck {
  const headerEnd = pos + HEADER_BYTES;
  for (let i = 0; i < MAGIC.length && pos + i < end; i++) {
    if (bytes[pos + i] !== MAGIC[i]) return { kind: 'bad' };
  }
  if (end < headerEnd) return { kind: 'incomplete' };
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const headerCrc = view.getUint32(headerEnd - 4);
  if (crc32(bytes.subarray(pos, headerEnd - 4)) !== headerCrc) return { kind: 'bad' };
  const length = view.getUint32(pos + MAGIC.length + 2);
  if (length > MAX_PAYLOAD_BYTES) return { kind: 'bad' };
  const frameEnd = headerEnd + length + TRAILER_BYTES;
  if (end < frameEnd) return { kind: 'incomplete' };
  const payloadCrc = crc32(bytes.subarray(headerEnd, headerEnd + length), headerCrc);
  if (payloadCrc !== view.getUint32(frameEnd - TRAILER_BYTES)) return { kind: 'bad' };
  return { kind: 'ok', end: frameEnd };
}

/** Reads the frame that `checkFrame` found intact at `pos`; the payload is a copy. */
export function readFrame(bytes: Uint8Array, pos: number, end: number): Frame {
  return {
    version: bytes[pos + MAGIC.length]!,
    kind: bytes[pos + MAGIC.length + 1]!,
    payload: bytes.slice(pos + HEADER_BYTES, end - TRAILER_BYTES),
  };
}
