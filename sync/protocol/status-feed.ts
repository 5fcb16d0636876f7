import { z } from 'zod';
import { ApplicationStatus } from './application-status';

export const StatusUpdate = z.object({
  /** Position in the platform's feed; strictly increasing. */
  seq: z.number().int().min(1),
  applicationId: z.uuid(),
  receiptNumber: z.string(),
  serviceCode: z.string(),
  idHash: z.string(),
  status: ApplicationStatus,
  reason: z.string().optional(),
  at: z.iso.datetime({ offset: true }),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;

export const StatusFeedQuery = z.object({
  /** The `cursor` of the previous page; `0` from the start. */
  after: z
    .string()
    .regex(/^\d{1,15}$/)
    .default('0'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** `kiosk`: applications submitted at this kiosk; `fleet`: all, for offline lookup anywhere. */
  scope: z.enum(['kiosk', 'fleet']).default('kiosk'),
});
export type StatusFeedQuery = z.infer<typeof StatusFeedQuery>;

export const StatusFeed = z.object({
  updates: z.array(StatusUpdate),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type StatusFeed = z.infer<typeof StatusFeed>;
