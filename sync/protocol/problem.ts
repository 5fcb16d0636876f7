import { z } from 'zod';

/** Errors travel as RFC 9457 problem details; `code` is the machine-readable reason. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const ProblemCode = z.enum([
  'malformed-json',
  'invalid-request',
  'payload-too-large',
  'unsupported-media-type',
  'not-found',
  'method-not-allowed',
  'signature-missing',
  'signature-invalid',
  'signature-expired',
  'nonce-replayed',
  'digest-mismatch',
  'unknown-kiosk',
  'kiosk-revoked',
  'enrolment-code-invalid',
  'unknown-service',
  'envelope-invalid',
  'envelope-unopenable',
  'form-invalid',
  'id-hash-mismatch',
  'receipt-number-foreign',
  'attachment-unknown',
  'attachment-complete',
  'attachment-exists',
  'attachment-size-mismatch',
  'attachment-digest-mismatch',
  'application-not-found',
  'status-transition-invalid',
  'rating-invalid',
  'operator-unauthorized',
  'not-modified',
  'internal',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export function problemType(code: ProblemCode): string {
  return `urn:budayang:problem:${code}`;
}

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: ProblemCode,
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

const TITLES: Record<ProblemCode, string> = {
  'malformed-json': 'The body is not valid JSON',
  'invalid-request': 'The request does not match the schema',
  'payload-too-large': 'The body is too large',
  'unsupported-media-type': 'Unsupported content type',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'signature-missing': 'The request is not signed',
  'signature-invalid': 'The signature does not verify',
  'signature-expired': 'The signature was created outside the accepted window',
  'nonce-replayed': 'The nonce was used before',
  'digest-mismatch': 'Content-Digest does not match the body',
  'unknown-kiosk': 'Unknown kiosk',
  'kiosk-revoked': 'The kiosk has been revoked',
  'enrolment-code-invalid': 'The enrolment code is unknown, used or expired',
  'unknown-service': 'Unknown service code',
  'envelope-invalid': 'The envelope does not match the schema',
  'envelope-unopenable': 'The envelope cannot be opened',
  'form-invalid': 'The form does not match the service form schema',
  'id-hash-mismatch': 'idHash does not match the sealed ID number',
  'receipt-number-foreign': 'The receipt number does not carry this kiosk prefix',
  'attachment-unknown': 'No application declares this attachment',
  'attachment-complete': 'The attachment is complete and cannot be written again',
  'attachment-exists': 'The upload exists already: resume it',
  'attachment-size-mismatch': 'The attachment size differs from its declaration',
  'attachment-digest-mismatch': 'The attachment digest differs from its declaration',
  'application-not-found': 'No such application',
  'status-transition-invalid': 'This status change is not allowed',
  'rating-invalid': 'The rating is not acceptable',
  'operator-unauthorized': 'Operator authorisation required',
  'not-modified': 'Not modified',
  internal: 'Internal error',
};

export function problem(
  code: ProblemCode,
  status: number,
  detail?: string,
  errors?: FieldError[],
): Problem {
  return {
    type: problemType(code),
    title: TITLES[code],
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors }),
  };
}
