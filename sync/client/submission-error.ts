/**
 * Why the kiosk refused to take an application; the citizen's data is still in the session.
 * A code, not a sentence: the screen that catches it says it in the citizen's language.
 */
export type SubmissionErrorCode =
  | 'STORAGE_FULL'
  | 'NOT_ENROLLED'
  | 'FORM_INVALID'
  | 'IDENTITY_MISSING'
  | 'TOO_MANY_MATERIALS'
  | 'MATERIAL_TOO_LARGE';

export class SubmissionError extends Error {
  constructor(
    readonly code: SubmissionErrorCode,
    detail?: string,
  ) {
    // Never the citizen's data in the message: it may end in a log.
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SubmissionError';
  }
}
