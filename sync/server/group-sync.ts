/**
 * Group commit: many writers ask for durability, one fsync at a time serves all who asked
 * before it started. A caller is answered by the first sync that *starts* after its call,
 * so its own write is always covered; callers arriving during a sync share the next one.
 */
export class GroupSync {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly sync: () => Promise<void>) {}

  request(): Promise<void> {
    if (this.running === undefined) return this.start();
    const startNext = () => {
      this.queued = undefined;
      return this.start();
    };
    this.queued ??= this.running.then(startNext, startNext);
    return this.queued;
  }

  private start(): Promise<void> {
    const run = this.sync().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
