import { applicationBackoff, fullJitterDelay, type BackoffPolicy } from './backoff';
import { failureOutcome } from './platform-port';
import type { SmallOutboxItem } from './records';

/**
 * Ratings and telemetry: little queues of their own, so a flood of heartbeats never stands
 * in front of an application. Same backoff; an item the platform refuses for good is
 * dropped (it carries no citizen's application), one it defers waits like a failure.
 */
export interface SmallOutboxStore {
  due(now: number, limit: number): Promise<SmallOutboxItem[]>;
  nextDueAt(): Promise<number | undefined>;
  remove(ids: readonly string[]): Promise<void>;
  put(items: readonly SmallOutboxItem[]): Promise<void>;
}

export type SmallAnswer = 'delivered' | 'retry' | 'drop';

export interface SmallPushReport {
  delivered: number;
  dropped: number;
  failed: boolean;
  lastError?: string;
}

export async function pushSmallOutbox(
  store: SmallOutboxStore,
  send: (items: readonly SmallOutboxItem[]) => Promise<Map<string, SmallAnswer>>,
  clock: { now: () => number; random: () => number },
  batchSize = 100,
  backoff: BackoffPolicy = applicationBackoff,
): Promise<SmallPushReport> {
  const report: SmallPushReport = { delivered: 0, dropped: 0, failed: false };
  for (;;) {
    const items = await store.due(clock.now(), batchSize);
    if (items.length === 0) return report;
    let answers: Map<string, SmallAnswer>;
    try {
      answers = await send(items);
    } catch (error) {
      const reason = failureOutcome(error).reason;
      await store.put(items.map((item) => retry(item, reason, clock, backoff)));
      return { ...report, failed: true, lastError: reason };
    }
    const done = items.filter(
      (item) => answers.get(item.id) === 'delivered' || answers.get(item.id) === 'drop',
    );
    report.delivered += items.filter((item) => answers.get(item.id) === 'delivered').length;
    report.dropped += items.filter((item) => answers.get(item.id) === 'drop').length;
    await store.remove(done.map((item) => item.id));
    const later = items.filter((item) => !done.includes(item));
    if (later.length > 0) {
      await store.put(later.map((item) => retry(item, 'deferred by the platform', clock, backoff)));
      if (done.length === 0) return report;
    }
  }
}

function retry(
  item: SmallOutboxItem,
  reason: string,
  clock: { now: () => number; random: () => number },
  backoff: BackoffPolicy,
): SmallOutboxItem {
  const attempts = item.attempts + 1;
  return {
    ...item,
    state: 'queued',
    attempts,
    nextAttemptAt: clock.now() + fullJitterDelay(backoff, attempts, clock.random),
    lastError: reason,
  };
}
