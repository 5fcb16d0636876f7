import { Server } from '@tus/server';
import { ATTACHMENT_METADATA } from '../protocol/intake';
import { MAX_ATTACHMENT_BYTES } from '../protocol/envelope';
import { problem, PROBLEM_CONTENT_TYPE } from '../protocol/problem';
import type { Problem, ProblemCode } from '../protocol/problem';
import { PATHS } from '../protocol/routes';
import type { AttachmentStore } from './attachment-store';
import type { Clock } from './clock';
import type { Database } from './database';

/** The header by which the authenticated kiosk id reaches the tus hooks; never taken from the client. */
export const KIOSK_HEADER = 'x-budayang-authenticated-kiosk';

function fail(
  code: ProblemCode,
  status: number,
  detail: string,
): { status_code: number; body: string } {
  return { status_code: status, body: JSON.stringify(problem(code, status, detail)) };
}

interface AttachmentRow {
  application_id: string;
  size: number;
  upload_offset: number | null;
  completed_at: number | null;
  kiosk_id: string;
}

async function attachmentOf(db: Database, id: string): Promise<AttachmentRow | undefined> {
  const rows = await db.query<AttachmentRow>(
    'SELECT t.application_id, t.size, t.upload_offset, t.completed_at, a.kiosk_id FROM attachments t JOIN applications a ON a.id = t.application_id WHERE t.id = $1',
    [id],
  );
  return rows[0];
}

/** tus 1.0.0 for sealed attachments: declared by an accepted envelope of the same kiosk, write-once. */
export function createAttachmentServer(db: Database, store: AttachmentStore, clock: Clock): Server {
  return new Server({
    path: PATHS.attachments,
    datastore: store,
    maxSize: MAX_ATTACHMENT_BYTES,
    respectForwardedHeaders: false,
    disableTerminationForFinishedUploads: true,
    generateUrl: (_req, { path, id }) => `${path}/${id}`,
    namingFunction: (_req, metadata) => metadata?.[ATTACHMENT_METADATA.attachmentId] ?? '',
    onUploadCreate: async (req, upload) => {
      const attachmentId = upload.metadata?.[ATTACHMENT_METADATA.attachmentId];
      const applicationId = upload.metadata?.[ATTACHMENT_METADATA.applicationId];
      if (typeof attachmentId !== 'string' || typeof applicationId !== 'string') {
        throw fail(
          'invalid-request',
          400,
          'Upload-Metadata must carry applicationId and attachmentId',
        );
      }
      const row = await attachmentOf(db, attachmentId);
      if (
        row === undefined ||
        row.application_id !== applicationId ||
        row.kiosk_id !== req.headers.get(KIOSK_HEADER)
      ) {
        throw fail(
          'attachment-unknown',
          404,
          'no accepted application of this kiosk declares this attachment',
        );
      }
      if (row.completed_at !== null)
        throw fail('attachment-complete', 409, 'the attachment is complete');
      if (row.upload_offset !== null)
        throw fail(
          'attachment-exists',
          409,
          `resume with HEAD ${PATHS.attachments}/${attachmentId}`,
        );
      if (upload.size !== Number(row.size))
        throw fail('attachment-size-mismatch', 409, `the envelope declared ${row.size} bytes`);
      return {};
    },
    onIncomingRequest: async (req, id) => {
      const row = await attachmentOf(db, id);
      if (row === undefined || row.kiosk_id !== req.headers.get(KIOSK_HEADER))
        throw fail('attachment-unknown', 404, 'no such upload for this kiosk');
      if (req.method === 'PATCH' && row.completed_at !== null)
        throw fail('attachment-complete', 409, 'the attachment is complete and write-once');
      // A platform that died after storing the last byte but before marking the upload
      // complete would otherwise hold it half-finished for ever: finish it on the next look.
      if (
        row.completed_at === null &&
        row.upload_offset !== null &&
        Number(row.upload_offset) === Number(row.size)
      )
        await store.finish(id, clock.now());
    },
    onUploadFinish: async (_req, upload) => {
      const outcome = await store.finish(upload.id, clock.now());
      if (outcome === 'digest-mismatch')
        throw fail(
          'attachment-digest-mismatch',
          422,
          'the upload was discarded: upload it again from the start',
        );
      return {};
    },
  });
}

const TUS_STATUS_CODES: Record<number, ProblemCode> = {
  400: 'invalid-request',
  403: 'method-not-allowed',
  404: 'not-found',
  409: 'invalid-request',
  410: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/** tus answers errors in plain text; the protocol promises problem+json everywhere. */
export function asProblem(status: number, body: string): Problem {
  try {
    const parsed = JSON.parse(body) as Problem;
    if (typeof parsed.code === 'string' && typeof parsed.status === 'number') return parsed;
  } catch {
    // plain text from tus itself
  }
  return problem(
    TUS_STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'invalid-request'),
    status,
    body.trim().slice(0, 200) || undefined,
  );
}

export { PROBLEM_CONTENT_TYPE };
