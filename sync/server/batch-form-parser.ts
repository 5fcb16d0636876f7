import { Busboy } from '@fastify/busboy';
import { ATTACHMENT_PART, BATCH_PART } from '../protocol/batch-form';
import { MAX_ENVELOPES_PER_BATCH, MAX_INLINE_ATTACHMENT_BYTES } from '../protocol/intake';
import { ProblemError } from './problem-error';

/** A batch upload sent as multipart/form-data (sync/protocol/batch-form.ts), parsed. */
export class BatchForm {
  constructor(
    /** The `batch` part's JSON: checked against UploadBatchRequest by the route. */
    readonly batch: unknown,
    readonly attachments: ReadonlyArray<{ id: string; data: Buffer }>,
  ) {}
}

const MAX_ATTACHMENT_PARTS = MAX_ENVELOPES_PER_BATCH * 4;

const malformed = (detail: string) =>
  new ProblemError('invalid-request', 400, `multipart batch: ${detail}`);

/**
 * Reads a whole multipart body (already in memory: its digest was checked against the
 * signature) with busboy, under the same bounds as the JSON form: one `batch` part, at most
 * 400 attachment parts of at most 1 MiB each, nothing else.
 */
export function parseBatchForm(body: Buffer, contentType: string): Promise<BatchForm> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: { 'content-type': contentType },
        defCharset: 'utf8',
        limits: {
          fields: 1,
          files: MAX_ATTACHMENT_PARTS,
          fileSize: MAX_INLINE_ATTACHMENT_BYTES,
          fieldSize: body.byteLength,
        },
      });
    } catch (error) {
      reject(malformed(error instanceof Error ? error.message : 'unreadable Content-Type'));
      return;
    }
    let failure: ProblemError | undefined;
    const fail = (detail: string) => (failure ??= malformed(detail));
    let batchText: string | undefined;
    const attachments: Array<{ id: string; data: Buffer }> = [];

    parser.on('field', (name, value) => {
      if (name !== BATCH_PART) return void fail(`unexpected part "${name}"`);
      batchText = value;
    });
    parser.on('file', (name, stream, filename) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A part cut short errs on its own stream as well as on the parser.
      stream.on('error', (error: unknown) =>
        fail(error instanceof Error ? error.message : String(error)),
      );
      stream.on('end', () => {
        if (name !== ATTACHMENT_PART) return void fail(`unexpected file part "${name}"`);
        if (stream.truncated)
          return void fail(`attachment ${filename} exceeds ${MAX_INLINE_ATTACHMENT_BYTES} bytes`);
        attachments.push({ id: filename, data: Buffer.concat(chunks) });
      });
    });
    parser.on('fieldsLimit', () => fail('more than one field part'));
    parser.on('filesLimit', () => fail(`more than ${MAX_ATTACHMENT_PARTS} attachment parts`));
    parser.on('error', (error: unknown) =>
      reject(failure ?? malformed(error instanceof Error ? error.message : String(error))),
    );
    parser.on('finish', () => {
      if (failure) return reject(failure);
      if (batchText === undefined) return reject(malformed(`no "${BATCH_PART}" part`));
      let batch: unknown;
      try {
        batch = JSON.parse(batchText);
      } catch {
        return reject(new ProblemError('malformed-json', 400, 'the batch part is not valid JSON'));
      }
      resolve(new BatchForm(batch, attachments));
    });
    parser.end(body);
  });
}
