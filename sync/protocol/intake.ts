import { z } from 'zod';
import { Problem } from './problem';

export const MAX_ENVELOPES_PER_BATCH = 100;
/** The largest JSON body any route accepts. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Items are checked one by one, so one poison item cannot sink its batch. */
export const UploadBatchRequest = z.object({
  envelopes: z.array(z.unknown()).min(1).max(MAX_ENVELOPES_PER_BATCH),
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
