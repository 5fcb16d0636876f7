import { z } from 'zod';
import { ApplicationStatus } from './application-status';
import { ID_HASH_PATTERN } from './id-hash';
import { ReceiptNumber } from './receipt-number';

/** 办件进度查询: by receipt number, or by the keyed hash of the ID number (never the number). */
export const LookupRequest = z.discriminatedUnion('by', [
  z.object({ by: z.literal('receipt'), receiptNumber: ReceiptNumber }),
  z.object({ by: z.literal('idHash'), idHash: z.string().regex(ID_HASH_PATTERN) }),
]);
export type LookupRequest = z.infer<typeof LookupRequest>;

export const StatusHistoryEntry = z.object({
  status: ApplicationStatus,
  reason: z.string().optional(),
  at: z.iso.datetime({ offset: true }),
});

export const ApplicationProgress = z.object({
  applicationId: z.uuid(),
  receiptNumber: z.string(),
  serviceCode: z.string(),
  status: ApplicationStatus,
  reason: z.string().optional(),
  submittedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  missingAttachments: z.number().int().min(0),
  history: z.array(StatusHistoryEntry),
});
export type ApplicationProgress = z.infer<typeof ApplicationProgress>;

export const LookupResponse = z.object({ applications: z.array(ApplicationProgress) });
export type LookupResponse = z.infer<typeof LookupResponse>;
