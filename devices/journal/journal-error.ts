import { z } from 'zod';

export const JournalErrorCode = z.enum([
  /** ENOSPC or EDQUOT: nothing of the failed write is counted or left behind. */
  'storage-full',
  /** Any other failure of the disk. */
  'io',
  /** A live entry's frame no longer checks out on disk. */
  'corrupt',
  /** The journal holds frames of newer software; it is left untouched. */
  'unsupported',
  'closed',
]);
export type JournalErrorCode = z.infer<typeof JournalErrorCode>;

/** Messages carry the code and the errno, never an id or content: they end up in logs. */
export class JournalError extends Error {
  constructor(
    readonly code: JournalErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JournalError';
  }
}

const STORAGE_FULL = new Set(['ENOSPC', 'EDQUOT']);

export function journalErrorOf(error: unknown, during: string): JournalError {
  if (error instanceof JournalError) return error;
  const errno = (error as { code?: unknown } | null)?.code;
  const code = typeof errno === 'string' && STORAGE_FULL.has(errno) ? 'storage-full' : 'io';
  const why = typeof errno === 'string' ? errno : 'error';
  return new JournalError(code, `journal ${during} failed: ${why}`, { cause: error });
}
