import { z } from 'zod';
import { Problem } from './problem';

export const MAX_ENVELOPES_PER_BATCH = 100;
/** The largest JSON body any route accepts, but the batch upload. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The batch upload's body may also carry small attachments inline. */
export const MAX_BATCH_BODY_BYTES = 8 * 1024 * 1024;
/** Larger sealed attachments always go through the resumable (tus) upload. */
export const MAX_INLINE_ATTACHMENT_BYTES = 1024 * 1024;

/**
 * A small sealed attachment carried in the batch beside the envelope that declares it, as
 * CouchDB's _bulk_docs carries inline attachments: one request and one commit for an
 * application and its photos instead of three per photo. The platform checks it against the
 * size and digest its envelope declares, and stores it write-once like a tus upload.
 */
export const InlineAttachment = z.object({
  id: z.uuid(),
  /**
   * base64 of the sealed blob (`enc || ciphertext`). Not matched against a pattern here: a
   * regular expression over a megabyte costs the platform more than the rest of the batch,
   * and the decoded bytes must have the size and SHA-256 the envelope declares anyway.
   */
  data: z
    .string()
    .min(4)
    .max(Math.ceil(MAX_INLINE_ATTACHMENT_BYTES / 3) * 4)
    .meta({ contentEncoding: 'base64' }),
});
export type InlineAttachment = z.infer<typeof InlineAttachment>;

/** Items are checked one by one, so one poison item cannot sink its batch. */
export const UploadBatchRequest = z.object({
  envelopes: z.array(z.unknown()).min(1).max(MAX_ENVELOPES_PER_BATCH),
  attachments: z
    .array(InlineAttachment)
    .max(MAX_ENVELOPES_PER_BATCH * 4)
    .optional(),
});
export type UploadBatchRequest = z.infer<typeof UploadBatchRequest>;

export const ItemOutcome = z.enum(['accepted', 'duplicate', 'conflict', 'rejected']);
export type ItemOutcome = z.infer<typeof ItemOutcome>;

export const BatchItemResult = z.object({
  index: z.number().int().min(0),
  /** The envelope id, when the item had a readable one. */
  id: z.string().optional(),
  outcome: ItemOutcome,
  receiptNumber: z.string().optional(),
  /** For accepted and duplicate: the attachments still to upload. */
  missingAttachments: z.array(z.uuid()).optional(),
  /** For rejected and conflict. */
  problem: Problem.optional(),
});
export type BatchItemResult = z.infer<typeof BatchItemResult>;

export const UploadBatchResponse = z.object({ results: z.array(BatchItemResult) });
export type UploadBatchResponse = z.infer<typeof UploadBatchResponse>;

export const MissingAttachmentsResponse = z.object({
  applicationId: z.uuid(),
  missing: z.array(z.uuid()),
});
export type MissingAttachmentsResponse = z.infer<typeof MissingAttachmentsResponse>;

/** tus Upload-Metadata keys of an attachment upload. */
export const ATTACHMENT_METADATA = {
  applicationId: 'applicationId',
  attachmentId: 'attachmentId',
} as const;
