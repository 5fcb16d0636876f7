/**
 * Bounds the attachment uploads of every batch in flight together: at most `concurrency`
 * uploads and `byteBudget` declared bytes at once, except that one upload always may run,
 * however large.
 */
export class UploadLimiter {
  private running = 0;
  private bytes = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(
    private readonly concurrency: number,
    private readonly byteBudget: number,
  ) {}

  async acquire(size: number): Promise<void> {
    while (
      this.running > 0 &&
      (this.running >= this.concurrency || this.bytes + size > this.byteBudget)
    )
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    this.bytes += size;
  }

  release(size: number): void {
    this.running -= 1;
    this.bytes -= size;
    for (const wake of this.waiting.splice(0)) wake();
  }
}
