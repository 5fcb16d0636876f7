import { Dexie, type Table } from 'dexie';
import type { SmallOutboxItem } from '../records';
import type { SmallOutboxStore } from '../small-outbox';

/** The ratings or telemetry table as a small outbox. */
export function dexieSmallOutboxStore(table: Table<SmallOutboxItem, string>): SmallOutboxStore {
  const queued = (upper: number) =>
    table
      .where('[state+nextAttemptAt]')
      .between(['queued', Dexie.minKey], ['queued', upper], true, true);
  return {
    due: (now, limit) => queued(now).limit(limit).toArray(),
    async nextDueAt() {
      return (await queued(Number.MAX_SAFE_INTEGER).first())?.nextAttemptAt;
    },
    async remove(ids) {
      await table.bulkDelete([...ids]);
    },
    async put(items) {
      await table.bulkPut([...items]);
    },
  };
}

/** Adds an item to a small outbox, dropping the oldest beyond `cap` so telemetry cannot fill the disk. */
export async function enqueueSmall(
  db: Dexie,
  table: Table<SmallOutboxItem, string>,
  payload: unknown,
  id: string,
  now: number,
  cap = 5_000,
): Promise<void> {
  await db.transaction('rw', table, async () => {
    await table.add({
      id,
      state: 'queued',
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      payload,
    });
    const excess = (await table.count()) - cap;
    if (excess > 0) await table.orderBy('[state+nextAttemptAt]').reverse().limit(excess).delete();
  });
}
