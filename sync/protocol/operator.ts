import { z } from 'zod';
import { ApplicationStatus } from './application-status';

export const AdvanceStatusRequest = z.object({
  status: ApplicationStatus,
  reason: z.string().max(500).optional(),
});
export type AdvanceStatusRequest = z.infer<typeof AdvanceStatusRequest>;
