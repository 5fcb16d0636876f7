// What a journal frame holds: a `put` (one sealed application with all its sealed
// attachments, in one frame so that a crash keeps all of it or none of it) or an `ack`
// (envelope ids the platform acknowledged). The bytes are sealed to the platform's key
// before they come here; the journal knows them only by opaque ids.
import { z } from 'zod';
import { MAX_PAYLOAD_BYTES, encodeFrame, type Frame } from './frame';

/** Envelope and attachment ids are UUIDs; anything wider could carry personal data. */
export const JournalId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export type JournalId = z.infer<typeof JournalId>;

/** Any Uint8Array, Node's Buffer included. */
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

export const SealedAttachment = z.object({
  id: JournalId,
  /** `enc || ciphertext` as the outbox holds it. */
  sealed: Bytes,
});
export type SealedAttachment = z.infer<typeof SealedAttachment>;

export const JournalPut = z.object({
  envelopeId: JournalId,
  /** The sealed envelope's JSON, as uploaded. */
  envelope: Bytes,
  attachments: z.array(SealedAttachment).max(0xffff),
});
export type JournalPut = z.infer<typeof JournalPut>;

export const JournalAck = z.object({ envelopeIds: z.array(JournalId).min(1).max(0xffff) });
export type JournalAck = z.infer<typeof JournalAck>;

export const RecordKind = { put: 1, ack: 2 } as const;

export type JournalRecord = ({ kind: 'put' } & JournalPut) | ({ kind: 'ack' } & JournalAck);

/** A frame's payload that cannot be read although its CRCs hold: a bug, not a crash. */
export class RecordFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordFormatError';
  }
}

/** A frame written by newer software. */
export class UnsupportedRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedRecordError';
  }
}

/** The whole frame of a record, ready to append. */
export function encodeRecord(record: JournalRecord): Uint8Array {
  return record.kind === 'put'
    ? encodeFrame(RecordKind.put, encodePut(record))
    : encodeFrame(RecordKind.ack, encodeAck(record));
}

export function encodePut(put: JournalPut): Uint8Array {
  const size = 1 + put.envelopeId.length + 4 + put.envelope.length + 2 + attachmentBytes(put);
  // Refused before hundreds of megabytes are copied only to be refused by the frame.
  if (size > MAX_PAYLOAD_BYTES) throw new RangeError(`journal payload too long: ${size} bytes`);
  const writer = new PayloadWriter(size);
  writer.id(put.envelopeId);
  writer.blob(put.envelope);
  writer.u16(put.attachments.length);
  for (const a of put.attachments) {
    writer.id(a.id);
    writer.blob(a.sealed);
  }
  return writer.done();
}

export function encodeAck(ack: JournalAck): Uint8Array {
  const writer = new PayloadWriter(2 + ack.envelopeIds.reduce((n, id) => n + 1 + id.length, 0));
  writer.u16(ack.envelopeIds.length);
  for (const id of ack.envelopeIds) writer.id(id);
  return writer.done();
}

/**
 * Reads the record of an intact frame. A frame of another version or kind comes from newer
 * software: it is refused, never dropped, so a downgrade cannot throw applications away.
 */
export function decodeRecord(frame: Frame): JournalRecord {
  if (frame.version !== 1) throw new UnsupportedRecordError(`journal version ${frame.version}`);
  const reader = new PayloadReader(frame.payload);
  let record: JournalRecord;
  if (frame.kind === RecordKind.put) {
    const envelopeId = reader.id();
    const envelope = reader.blob();
    const attachments: SealedAttachment[] = [];
    for (let n = reader.u16(); n > 0; n--)
      attachments.push({ id: reader.id(), sealed: reader.blob() });
    record = { kind: 'put', envelopeId, envelope, attachments };
  } else if (frame.kind === RecordKind.ack) {
    const envelopeIds: string[] = [];
    for (let n = reader.u16(); n > 0; n--) envelopeIds.push(reader.id());
    record = { kind: 'ack', envelopeIds };
  } else {
    throw new UnsupportedRecordError(`journal record kind ${frame.kind}`);
  }
  reader.expectEnd();
  return record;
}

function attachmentBytes(put: JournalPut): number {
  return put.attachments.reduce((n, a) => n + 1 + a.id.length + 4 + a.sealed.length, 0);
}

class PayloadWriter {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(n: number): void {
    this.view.setUint16(this.at, n);
    this.at += 2;
  }
  /** Ids are ASCII by their schema, so a character is a byte. */
  id(id: string): void {
    this.bytes[this.at++] = id.length;
    for (let i = 0; i < id.length; i++) this.bytes[this.at++] = id.charCodeAt(i);
  }
  blob(blob: Uint8Array): void {
    this.view.setUint32(this.at, blob.length);
    this.bytes.set(blob, this.at + 4);
    this.at += 4 + blob.length;
  }
  done(): Uint8Array {
    return this.bytes;
  }
}

class PayloadReader {
  private readonly view: DataView;
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(): number {
    this.need(2);
    const n = this.view.getUint16(this.at);
    this.at += 2;
    return n;
  }
  id(): string {
    this.need(1);
    const length = this.bytes[this.at++]!;
    this.need(length);
    const id = String.fromCharCode(...this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    if (!JournalId.safeParse(id).success) throw new RecordFormatError('journal id malformed');
    return id;
  }
  blob(): Uint8Array {
    this.need(4);
    const length = this.view.getUint32(this.at);
    this.need(4 + length);
    const blob = this.bytes.slice(this.at + 4, this.at + 4 + length);
    this.at += 4 + length;
    return blob;
  }
  expectEnd(): void {
    if (this.at !== this.bytes.length) throw new RecordFormatError('journal record too long');
  }
  private need(n: number): void {
    if (this.at + n > this.bytes.length) throw new RecordFormatError('journal record too short');
  }
}
