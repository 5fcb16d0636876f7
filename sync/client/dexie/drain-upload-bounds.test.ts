import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { drain } from '../drain';
import type { OutboxAttachment, OutboxEntry } from '../outbox-entry';
import { DeliveryFailure, type PlatformPort } from '../platform-port';
import { dexieOutboxStore } from './outbox-store';
import type { KioskDb } from './kiosk-db';
import { freshKioskDbs } from './kiosk-db-fixture';
import { fakeAttachments, fakeEntry } from '../outbox-entry-fixture';

/**
 * Uploads run side by side, but never more of them, nor more declared bytes, than the drain
 * was given; one upload always runs, however large.
 */

/** Holds every upload until the test lets the platform answer, and records what overlapped. */
class GatedPlatform implements PlatformPort {
  running = 0;
  bytes = 0;
  maxRunning = 0;
  maxBytes = 0;
  readonly uploaded: string[] = [];
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly failOn = new Set<string>()) {}

  async submitEnvelopes(entries: readonly OutboxEntry[]) {
    return new Map(
      entries.map((entry) => [
        entry.id,
        { kind: 'stored' as const, duplicate: false, missingAttachments: entry.attachmentIds },
      ]),
    );
  }

  async uploadAttachment(attachment: OutboxAttachment): Promise<void> {
    this.running += 1;
    this.bytes += attachment.bytes;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    this.maxBytes = Math.max(this.maxBytes, this.bytes);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running -= 1;
    this.bytes -= attachment.bytes;
    if (this.failOn.has(attachment.id))
      throw new DeliveryFailure({ kind: 'transient', reason: 'fetch failed' });
    this.uploaded.push(attachment.id);
  }

  /** Answers the uploads waiting now, one macrotask at a time, until `done` settles. */
  async answerUntil(done: Promise<unknown>): Promise<void> {
    let finished = false;
    void done.finally(() => (finished = true));
    while (!finished) {
      this.waiting.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

async function enqueue(db: KioskDb, count: number, sizes: number[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = `e${i}`;
    const attachmentIds = sizes.map((_, j) => `${id}/${j}`);
    await db.outbox.add(fakeEntry(id, 1_000, attachmentIds, sizes));
    await db.attachments.bulkAdd(fakeAttachments(id, attachmentIds, sizes));
  }
}

const freshDb = freshKioskDbs('drain-bounds');

describe('attachment uploads in a drain', () => {
  it('overlaps uploads up to the concurrency and byte limits', async () => {
    const db = freshDb();
    await enqueue(db, 12, [300, 300]);
    const platform = new GatedPlatform();
    const done = drain({
      store: dexieOutboxStore(db),
      platform,
      now: () => 2_000,
      random: () => 0.5,
      attachmentConcurrency: 5,
      attachmentBytesInFlight: 1_000,
    });
    await platform.answerUntil(done);
    const report = await done;
    expect(report.delivered).toBe(12);
    expect(platform.uploaded).toHaveLength(24);
    expect(platform.maxRunning).toBe(3);
    expect(platform.maxBytes).toBeLessThanOrEqual(1_000);
    expect(await db.attachments.count()).toBe(0);
  });

  it('lets one upload larger than the byte limit through on its own', async () => {
    const db = freshDb();
    await enqueue(db, 3, [5_000]);
    const platform = new GatedPlatform();
    const done = drain({
      store: dexieOutboxStore(db),
      platform,
      now: () => 2_000,
      random: () => 0.5,
      attachmentConcurrency: 4,
      attachmentBytesInFlight: 1_000,
    });
    await platform.answerUntil(done);
    expect((await done).delivered).toBe(3);
    expect(platform.maxRunning).toBe(1);
  });

  it('stops starting uploads once the link failed, and keeps every entry queued', async () => {
    const db = freshDb();
    await enqueue(db, 10, [100]);
    const platform = new GatedPlatform(new Set(['e0/0']));
    const done = drain({
      store: dexieOutboxStore(db),
      platform,
      now: () => 2_000,
      random: () => 0.5,
      attachmentConcurrency: 2,
    });
    await platform.answerUntil(done);
    const report = await done;
    expect(report.stoppedBy).toBe('transient');
    // e0 failed; e1 was running beside it; nothing after them was tried.
    expect(platform.uploaded).toEqual(['e1/0']);
    expect(report.delivered).toBe(1);
    const queued = (await db.outbox.toArray()).filter((e) => e.state === 'queued').length;
    expect(queued).toBe(9);
    expect(await db.attachments.count()).toBe(9);
  });
});
