import { describe, expect, it } from 'vitest';
import { RATING_LEVELS, ratingComplete } from './rating-levels';

describe('好差评 levels', () => {
  it('has five levels from 非常满意 to 非常不满意', () => {
    expect(RATING_LEVELS.map((l) => l.level)).toEqual([5, 4, 3, 2, 1]);
  });

  it('asks a reason for 不满意 and 非常不满意 only', () => {
    expect(ratingComplete(undefined, [])).toBe(false);
    expect(ratingComplete(3, [])).toBe(true);
    expect(ratingComplete(2, [])).toBe(false);
    expect(ratingComplete(1, ['long-wait'])).toBe(true);
    expect(ratingComplete(1, [], '太慢')).toBe(true);
  });
});
