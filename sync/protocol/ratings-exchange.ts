import { z } from 'zod';
import { Problem } from './problem';

export const MAX_RATINGS_PER_BATCH = 100;

/** Items are checked one by one, like envelopes. */
export const RatingBatch = z.object({
  ratings: z.array(z.unknown()).min(1).max(MAX_RATINGS_PER_BATCH),
});

/** `deferred`: the rated application has not reached the platform yet; send the rating again later. */
export const RatingOutcome = z.enum(['accepted', 'duplicate', 'deferred', 'rejected']);

export const RatingResult = z.object({
  index: z.number().int().min(0),
  id: z.string().optional(),
  outcome: RatingOutcome,
  problem: Problem.optional(),
});

export const RatingBatchResponse = z.object({ results: z.array(RatingResult) });
export type RatingBatchResponse = z.infer<typeof RatingBatchResponse>;
