import { z } from 'zod';
import { ReceiptNumber } from './receipt-number';
import { ServiceCode } from './service-code';

/** 好差评: five levels, one rating per application (一事一评). */
export const RatingLevel = z.number().int().min(1).max(5);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const BadRatingReason = z.enum([
  'unclear-guidance',
  'inconvenient-procedure',
  'too-many-materials',
  'unfriendly-interface',
  'long-wait',
  'other',
]);
export type BadRatingReason = z.infer<typeof BadRatingReason>;

/** Levels 1 and 2 are 差评. */
export function isBadRating(level: number): boolean {
  return level <= 2;
}

export const Rating = z
  .object({
    /** Chosen by the kiosk; the idempotency key of the rating. */
    id: z.uuid(),
    /** The envelope id of the rated application (办件). */
    applicationId: z.uuid(),
    receiptNumber: ReceiptNumber,
    serviceCode: ServiceCode,
    level: RatingLevel,
    reasons: z.array(BadRatingReason).max(6).default([]),
    comment: z.string().max(300).default(''),
    ratedAt: z.iso.datetime({ offset: true }),
    channel: z.literal('kiosk').default('kiosk'),
  })
  .superRefine((rating, ctx) => {
    const bad = isBadRating(rating.level);
    if (bad && rating.reasons.length === 0 && rating.comment.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: '差评 must name what went wrong',
      });
    }
    if (!bad && rating.reasons.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'reasons belong to 差评 only' });
    }
    if (rating.reasons.includes('other') && rating.comment.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '"other" needs a comment' });
    }
  });
export type Rating = z.infer<typeof Rating>;
export type RatingInput = z.input<typeof Rating>;
