import { utf8 } from './bytes';

/**
 * The batch upload as multipart/form-data (RFC 7578): a `batch` part holding the JSON of the
 * batch's envelopes, then one `attachment` part per small sealed attachment, its raw bytes
 * named by the attachment's id. It carries the same as the JSON form with base64 `attachments`,
 * a third smaller and without a base64 pass or a multi-megabyte string on either side, which
 * on the kiosk were most of a drain's CPU and heap. A kiosk sends it whenever it has
 * attachments to inline; the platform accepts both forms.
 */
export const BATCH_FORM_TYPE = 'multipart/form-data';
/** The part holding `{"envelopes": [...]}` (UploadBatchRequest without `attachments`). */
export const BATCH_PART = 'batch';
/** Each sealed attachment's part; its filename is the attachment id. */
export const ATTACHMENT_PART = 'attachment';

/** Bytes an attachment part adds beside its data, with this encoder's boundary and a UUID. */
export const ATTACHMENT_PART_OVERHEAD = utf8(
  attachmentPartHead(`budayang-${'0'.repeat(32)}`, '0'.repeat(36)),
).byteLength;

export interface BatchFormAttachment {
  id: string;
  data: Uint8Array;
}

export interface BatchForm {
  body: Uint8Array<ArrayBuffer>;
  /** With the boundary, as the Content-Type header must carry it. */
  contentType: string;
}

function attachmentPartHead(boundary: string, id: string): string {
  return (
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="${ATTACHMENT_PART}"; ` +
    `filename="${id}"\r\nContent-Type: application/octet-stream\r\n\r\n`
  );
}

/** 128 random bits: the sealed bytes are ciphertext, so a collision with them is not a concern. */
function newBoundary(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return `budayang-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Lays the batch out in one buffer, each attachment copied once: the body must exist as bytes
 * anyway, since its digest is signed.
 */
export function encodeBatchForm(
  batch: { envelopes: readonly unknown[] },
  attachments: readonly BatchFormAttachment[],
  boundary: string = newBoundary(),
): BatchForm {
  const pieces: Uint8Array[] = [
    utf8(
      `--${boundary}\r\nContent-Disposition: form-data; name="${BATCH_PART}"\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(batch)}`,
    ),
  ];
  for (const attachment of attachments) {
    // Ids are UUIDs; anything else could break out of the quoted filename.
    if (!/^[0-9A-Fa-f-]{1,64}$/.test(attachment.id))
      throw new Error('an inline attachment id must be a UUID');
    pieces.push(utf8(attachmentPartHead(boundary, attachment.id)), attachment.data);
  }
  pieces.push(utf8(`\r\n--${boundary}--\r\n`));
  const body = new Uint8Array(pieces.reduce((n, piece) => n + piece.byteLength, 0));
  let offset = 0;
  for (const piece of pieces) {
    body.set(piece, offset);
    offset += piece.byteLength;
  }
  return { body, contentType: `${BATCH_FORM_TYPE}; boundary=${boundary}` };
}
