// The drain's state in small objects, apart from its I/O: what it has read ahead and what is
// on its way, which flights are over, what waits for a purge, and what it has to report.
import type { OutboxEntry } from './outbox-entry';

/** Batches' worth of due entries one query reads ahead (entries are small: no images). */
export const READ_AHEAD_BATCHES = 8;

export interface DrainReport {
  delivered: number;
  quarantined: number;
  retried: number;
  stoppedBy: 'empty' | 'transient' | 'aborted';
  lastError?: string;
}

/**
 * Due entries read ahead, several batches' worth in one query (the outbox index a query walks
 * holds the stale keys of every entry sent before it, until IndexedDB cleans them), and the
 * entries on their way: still `queued` on disk (their flight is what is noted), so what is
 * read ahead leaves them out.
 */
export class DueEntries {
  private ahead: OutboxEntry[] = [];
  private readonly flying = new Set<string>();

  /** How many to ask the store for, or undefined while what was read ahead lasts. */
  readLimit(maxItems: number): number | undefined {
    return this.ahead.length === 0 ? maxItems * READ_AHEAD_BATCHES + this.flying.size : undefined;
  }

  readAhead(due: readonly OutboxEntry[]): void {
    this.ahead = due.filter((entry) => !this.flying.has(entry.id));
  }

  get waiting(): readonly OutboxEntry[] {
    return this.ahead;
  }

  /** Takes a batch on its way; returns its ids. */
  take(batch: readonly OutboxEntry[]): Set<string> {
    const taken = new Set(batch.map((entry) => entry.id));
    this.ahead = this.ahead.filter((entry) => !taken.has(entry.id));
    for (const id of taken) this.flying.add(id);
    return taken;
  }

  /**
   * A batch has settled. What is queued again may be due at once (a refused batch's suspects,
   * sent alone): the queue is then read afresh rather than from what was read ahead.
   */
  land(taken: ReadonlySet<string>, queuedAgain: boolean): void {
    for (const id of taken) this.flying.delete(id);
    if (queuedAgain) this.ahead = [];
  }
}

/**
 * Flights settled and not yet forgotten: the next flight's note forgets them. One a kill
 * leaves behind only names entries that are acked, quarantined or queued again; recovery
 * counts the queued ones as interrupted once more, which costs them at most an earlier turn
 * alone.
 */
export class EndedFlights {
  private readonly ended: string[] = [];

  note(flightId: string): void {
    this.ended.push(flightId);
  }

  get any(): boolean {
    return this.ended.length > 0;
  }

  /** The ended flights, forgotten here: the caller is about to forget them on disk. */
  takeAll(): string[] {
    return this.ended.splice(0);
  }
}

/** Whether entries were delivered whose attachments are still on disk, and what they held. */
export class PurgeDebt {
  private owed = false;
  private bytes = 0;

  constructor(private readonly purgeAfterBytes: number) {}

  owe(bytes: number): void {
    this.owed = true;
    this.bytes += bytes;
  }

  get pending(): boolean {
    return this.owed;
  }

  /** Enough waits on disk that the drain should stop to purge before it goes on. */
  get due(): boolean {
    return this.bytes >= this.purgeAfterBytes;
  }

  clear(): void {
    this.owed = false;
    this.bytes = 0;
  }
}

/**
 * The report after a batch settled, and the bytes its delivered entries held (an acked entry
 * holds nothing any more; what it held is what waits for the purge).
 */
export function tallySettled(
  report: DrainReport,
  sending: readonly OutboxEntry[],
  settled: readonly OutboxEntry[],
): { report: DrainReport; acked: number; ackedBytes: number } {
  const next = { ...report };
  let acked = 0;
  let ackedBytes = 0;
  settled.forEach((entry, i) => {
    if (entry.state === 'acked') {
      next.delivered += 1;
      acked += 1;
      ackedBytes += sending[i]!.bytes;
    } else if (entry.state === 'quarantined') next.quarantined += 1;
    else next.retried += 1;
    if (entry.state !== 'acked' && entry.lastError) next.lastError = entry.lastError;
  });
  return { report: next, acked, ackedBytes };
}
