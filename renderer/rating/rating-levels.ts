// 好差评: five levels, one rating per application; levels 1 and 2 (差评) must name a reason.
import type { BadRatingReason } from '../app/sync-port';
import type { MessageKey } from '../../domain/i18n/messages';

export type RatingLevel = 1 | 2 | 3 | 4 | 5;

export const RATING_LEVELS: { level: RatingLevel; key: MessageKey }[] = [
  { level: 5, key: 'rating.5' },
  { level: 4, key: 'rating.4' },
  { level: 3, key: 'rating.3' },
  { level: 2, key: 'rating.2' },
  { level: 1, key: 'rating.1' },
];

export const BAD_RATING_REASONS: { id: BadRatingReason; key: MessageKey }[] = [
  { id: 'unclear-guidance', key: 'rating.reason.guide' },
  { id: 'inconvenient-procedure', key: 'rating.reason.process' },
  { id: 'too-many-materials', key: 'rating.reason.materials' },
  { id: 'unfriendly-interface', key: 'rating.reason.interface' },
  { id: 'long-wait', key: 'rating.reason.waiting' },
];

export function isBadRating(level: RatingLevel): boolean {
  return level <= 2;
}

/** Whether the rating may be sent as it stands. */
export function ratingComplete(
  level: RatingLevel | undefined,
  reasons: string[],
  comment = '',
): boolean {
  if (level === undefined) return false;
  return !isBadRating(level) || reasons.length > 0 || comment.trim() !== '';
}
