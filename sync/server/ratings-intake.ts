import { Rating } from '../protocol/rating';
import type { RatingResult } from '../protocol/ratings-exchange';
import { problem } from '../protocol/problem';
import { rejectedItem } from './batch-item-result';
import type { z } from 'zod';
import type { Clock } from './clock';
import type { Database } from './database';

type Result = z.infer<typeof RatingResult>;

/** 好差评: one rating per application, tied to it; kept as sent. */
export async function receiveRatings(
  db: Database,
  clock: Clock,
  kioskId: string,
  items: unknown[],
): Promise<Result[]> {
  const results: Result[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = Rating.safeParse(item);
    if (!parsed.success) {
      results.push(
        rejectedItem(
          index,
          item,
          problem(
            'rating-invalid',
            400,
            'the rating does not match the schema',
            parsed.error.issues
              .slice(0, 10)
              .map((i) => ({ path: i.path.join('.'), message: i.message })),
          ),
        ),
      );
      continue;
    }
    const rating = parsed.data;
    const base = { index, id: rating.id };
    const outcome = await db.transaction(async (tx): Promise<Result> => {
      const app = await tx.query<{ receipt_number: string; service_code: string }>(
        'SELECT receipt_number, service_code FROM applications WHERE id = $1',
        [rating.applicationId],
      );
      if (app[0] === undefined) return { ...base, outcome: 'deferred' };
      if (
        app[0].receipt_number !== rating.receiptNumber ||
        app[0].service_code !== rating.serviceCode
      ) {
        return {
          ...base,
          outcome: 'rejected',
          problem: problem(
            'rating-invalid',
            422,
            'receipt number or service code differ from the application',
          ),
        };
      }
      const existing = await tx.query<{ id: string; content: string }>(
        'SELECT id, content FROM ratings WHERE application_id = $1',
        [rating.applicationId],
      );
      if (existing[0] !== undefined) {
        if (existing[0].id === rating.id) return { ...base, outcome: 'duplicate' };
        return {
          ...base,
          outcome: 'rejected',
          problem: problem('rating-invalid', 409, 'this application was rated already (一事一评)'),
        };
      }
      await tx.run(
        'INSERT INTO ratings (id, application_id, kiosk_id, level, content, received_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          rating.id,
          rating.applicationId,
          kioskId,
          rating.level,
          JSON.stringify(rating),
          clock.now(),
        ],
      );
      return { ...base, outcome: 'accepted' };
    });
    results.push(outcome);
  }
  return results;
}
