import { Worker } from 'node:worker_threads';

/**
 * Moves SQLite's WAL checkpoints off the event loop. With automatic checkpoints, the COMMIT
 * that crosses the threshold copies megabytes into the database file and fsyncs it, holding
 * the event loop (and every request behind it) for tens of milliseconds on a busy disk. A
 * thread with its own connection checkpoints passively instead, concurrently with writers,
 * and the writer then restarts the WAL at its next transaction.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string, intervalMs = 250) {
    this.worker = new Worker(new URL('./sqlite-checkpoint-thread.mjs', import.meta.url), {
      workerData: { file, intervalMs },
    });
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // A failed checkpointer costs a growing WAL, never data: the owner keeps going.
    this.worker.on('error', () => undefined);
  }

  async close(): Promise<void> {
    // Unreferenced while it runs, so that it never keeps a platform process alive; while it
    // closes, it must: otherwise a process with nothing else to do exits before it is done.
    this.worker.ref();
    this.worker.postMessage('close');
    const stuck = setTimeout(() => void this.worker.terminate(), 2000);
    await this.exited;
    clearTimeout(stuck);
  }
}
