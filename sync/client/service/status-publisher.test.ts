import { describe, expect, it } from 'vitest';
import { CoalescingPublisher } from './status-publisher';

describe('CoalescingPublisher', () => {
  it('takes one snapshot at a time and one more after a burst, not one per request', async () => {
    let taken = 0;
    const published: number[] = [];
    const publisher = new CoalescingPublisher(
      async () => ++taken,
      (n) => published.push(n),
      () => Promise.resolve(),
      () => true,
    );
    const burst = [publisher.request(), publisher.request(), publisher.request()];
    await Promise.all(burst);
    expect(published).toEqual([1, 2]);
    await publisher.request();
    expect(published).toEqual([1, 2, 3]);
  });

  it('takes no snapshot while nobody listens', async () => {
    let taken = 0;
    const publisher = new CoalescingPublisher(
      async () => ++taken,
      () => undefined,
      () => Promise.resolve(),
      () => false,
    );
    await publisher.request();
    expect(taken).toBe(0);
  });
});
