import { createHash } from 'node:crypto';
import type { AttachmentRef } from '../protocol/envelope';
import type { InlineAttachment } from '../protocol/intake';
import { problem, type Problem } from '../protocol/problem';
import { ProblemError } from './problem-error';

/** A sealed attachment that came inside a batch, decoded and hashed once. */
export interface ReceivedInline {
  data: Buffer;
  sha256: string;
}

/** Decodes and hashes the batch's inline attachments; an id given twice is a malformed request. */
export function receiveInline(list: readonly InlineAttachment[] = []): Map<string, ReceivedInline> {
  return receiveInlineBytes(
    list.map(({ id, data }) => ({ id, data: Buffer.from(data, 'base64') })),
  );
}

/** The same for the parts of a multipart batch, already bytes. */
export function receiveInlineBytes(
  list: ReadonlyArray<{ id: string; data: Buffer }>,
): Map<string, ReceivedInline> {
  const received = new Map<string, ReceivedInline>();
  for (const { id, data } of list) {
    if (received.has(id))
      throw new ProblemError('invalid-request', 400, `inline attachment ${id} is given twice`);
    received.set(id, { data, sha256: createHash('sha256').update(data).digest('base64url') });
  }
  return received;
}

/**
 * The inline attachments an envelope declares, when all of them are what it declares; else
 * the problem. The bytes were signed and digested in transit, so a mismatch means the kiosk
 * holds other bytes than it sealed the envelope with, which no retry mends.
 */
export function inlineFor(
  declared: readonly AttachmentRef[],
  inline: ReadonlyMap<string, ReceivedInline>,
): { ok: true; attachments: Map<string, Buffer> } | { ok: false; problem: Problem } {
  const attachments = new Map<string, Buffer>();
  for (const ref of declared) {
    const given = inline.get(ref.id);
    if (given === undefined) continue;
    if (given.data.byteLength !== ref.size)
      return {
        ok: false,
        problem: problem(
          'attachment-size-mismatch',
          422,
          `inline attachment ${ref.id} has ${given.data.byteLength} bytes, the envelope declares ${ref.size}`,
        ),
      };
    if (given.sha256 !== ref.sha256)
      return {
        ok: false,
        problem: problem(
          'attachment-digest-mismatch',
          422,
          `inline attachment ${ref.id} does not match the digest its envelope declares`,
        ),
      };
    attachments.set(ref.id, given.data);
  }
  return { ok: true, attachments };
}
