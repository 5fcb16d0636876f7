/**
 * Publishes snapshots one at a time, and one more after a burst of requests rather than one
 * per request: the worker's messages come in bursts while it drains, and each snapshot counts
 * the outbox on the page's thread. Each waits for `whenIdle`, so that it does not land in the
 * middle of a citizen's touch.
 */
export class CoalescingPublisher<T> {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly snapshot: () => Promise<T>,
    private readonly publish: (value: T) => void,
    private readonly whenIdle: () => Promise<void>,
    private readonly anyoneListening: () => boolean,
  ) {}

  request(): Promise<void> {
    if (!this.anyoneListening()) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.whenIdle();
        this.publish(await this.snapshot());
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
