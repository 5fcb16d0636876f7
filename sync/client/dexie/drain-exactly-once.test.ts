import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { EnvelopeAnswer } from '../delivery-outcome';
import { drain, recoverOutbox } from '../drain';
import type { OutboxAttachment, OutboxEntry } from '../outbox-entry';
import type { OutboxStore } from '../outbox-store';
import { DeliveryFailure, type PlatformPort } from '../platform-port';
import { dexieOutboxStore } from './outbox-store';
import { KioskDb } from './kiosk-db';
import { fakeAttachments, fakeEntry } from '../outbox-entry-fixture';

/**
 * The promise of the outbox, as a property: whatever the network does and wherever the
 * kiosk is killed, each application ends on the platform once, nothing is deleted before
 * the platform has it, and a poisoned item is quarantined without holding up the others.
 */

type Fault = 'ok' | 'net-before' | 'net-after' | 'http-500' | 'http-429';
const faultArb = fc.constantFrom<Fault>(
  'ok',
  'ok',
  'net-before',
  'net-after',
  'http-500',
  'http-429',
);

type Step =
  | { kind: 'enqueue'; count: number; images: number }
  | { kind: 'drain'; killAt: number | null; killAfter: boolean };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('enqueue' as const),
    count: fc.integer({ min: 1, max: 6 }),
    images: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('drain' as const),
    killAt: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 2 }),
    killAfter: fc.boolean(),
  }),
);

/** Counts the awaits of the engine and stops the world at the chosen one, like SIGKILL. */
class KillSwitch {
  private count = 0;
  killed = false;
  readonly hit: Promise<void>;
  private fire!: () => void;
  constructor(
    private readonly at: number | null,
    private readonly after: boolean,
  ) {
    this.hit = new Promise((resolve) => (this.fire = resolve));
  }
  async point<T>(op: () => Promise<T>): Promise<T> {
    if (this.killed) return never();
    const here = this.count++ === this.at;
    if (here && !this.after) return this.die();
    const result = await op();
    if (here) return this.die();
    return result;
  }
  private die(): Promise<never> {
    this.killed = true;
    this.fire();
    return never();
  }
}
const never = () => new Promise<never>(() => {});

class FakePlatform implements PlatformPort {
  readonly stored = new Map<string, number>();
  readonly declared = new Map<string, string[]>();
  readonly uploads = new Set<string>();
  readonly violations: string[] = [];
  constructor(
    private readonly faults: Fault[],
    readonly poison: Set<string>,
    private readonly poisonRefusesBatch: boolean,
  ) {}
  private nextFault(): Fault {
    return this.faults.shift() ?? 'ok';
  }
  complete(id: string): boolean {
    return this.stored.has(id) && (this.declared.get(id) ?? []).every((a) => this.uploads.has(a));
  }
  async submitEnvelopes(entries: readonly OutboxEntry[], inline: readonly OutboxAttachment[]) {
    const fault = this.nextFault();
    if (fault === 'net-before') throw new TypeError('fetch failed');
    if (fault === 'http-429')
      throw new DeliveryFailure({ kind: 'transient', reason: 'HTTP 429', retryAfterMs: 1_000 });
    if (this.poisonRefusesBatch && entries.some((e) => this.poison.has(e.id))) {
      throw new DeliveryFailure({ kind: 'batch-refused', reason: 'HTTP 400' });
    }
    const answers = new Map<string, EnvelopeAnswer>();
    for (const entry of entries) {
      if (!entry.envelope) this.violations.push(`${entry.id} sent without its envelope`);
      if (this.poison.has(entry.id)) {
        answers.set(entry.id, { kind: 'rejected', reason: 'envelope cannot be opened' });
        continue;
      }
      const seen = this.stored.get(entry.id) ?? 0;
      if (seen === 0) {
        this.stored.set(entry.id, 1);
        this.declared.set(entry.id, entry.attachmentIds);
      }
      // Stored with the envelope, in the same commit, as the platform does.
      for (const attachment of inline)
        if (attachment.envelopeId === entry.id) this.uploads.add(attachment.id);
      const missingAttachments = entry.attachmentIds.filter((a) => !this.uploads.has(a));
      answers.set(entry.id, {
        kind: 'stored',
        duplicate: seen > 0,
        missingAttachments,
        platformNumber: `P${entry.id}`,
      });
    }
    if (fault === 'net-after') throw new TypeError('response lost');
    if (fault === 'http-500') throw new DeliveryFailure({ kind: 'transient', reason: 'HTTP 500' });
    return answers;
  }
  async uploadAttachment(
    attachment: OutboxAttachment,
    onUploadUrl: (url: string) => Promise<void>,
  ) {
    if (!this.stored.has(attachment.envelopeId))
      this.violations.push(`${attachment.id} uploaded before its envelope`);
    if (!attachment.uploadUrl) await onUploadUrl(`/uploads/${attachment.id}`);
    const fault = this.nextFault();
    if (fault === 'net-before') throw new TypeError('fetch failed');
    this.uploads.add(attachment.id);
    if (fault === 'net-after') throw new TypeError('socket hang up');
    if (fault === 'http-500') throw new DeliveryFailure({ kind: 'transient', reason: 'HTTP 500' });
  }
}

function killable(store: OutboxStore, kill: KillSwitch): OutboxStore {
  return {
    interrupted: () => kill.point(() => store.interrupted()),
    due: (now, limit) => kill.point(() => store.due(now, limit)),
    nextDueAt: () => kill.point(() => store.nextDueAt()),
    attachment: (id) => kill.point(() => store.attachment(id)),
    attachments: (ids) => kill.point(() => store.attachments(ids)),
    noteUpload: (id, change) => kill.point(() => store.noteUpload(id, change)),
    beginFlight: (ids, ended) => kill.point(() => store.beginFlight(ids, ended)),
    endFlights: (ids) => kill.point(() => store.endFlights(ids)),
    put: (entries, end) => kill.point(() => store.put(entries, end)),
    rescheduleAll: (now) => kill.point(() => store.rescheduleAll(now)),
    purgeAcked: (before) => kill.point(() => store.purgeAcked(before)),
    purgeDelivered: () => kill.point(() => store.purgeDelivered()),
  };
}

function killablePlatform(platform: PlatformPort, kill: KillSwitch): PlatformPort {
  return {
    uploadAttachment: (attachment, onUploadUrl) =>
      kill.point(() => platform.uploadAttachment(attachment, onUploadUrl)),
    submitEnvelopes: (entries, inline) =>
      kill.point(() => platform.submitEnvelopes(entries, inline)),
  };
}

async function enqueue(db: KioskDb, id: string, images: number, now: number) {
  const attachmentIds = Array.from({ length: images }, (_, i) => `${id}/${i}`);
  await db.transaction('rw', db.outbox, db.attachments, async () => {
    await db.outbox.add(fakeEntry(id, now, attachmentIds));
    await db.attachments.bulkAdd(fakeAttachments(id, attachmentIds));
  });
}

async function assertNothingLost(db: KioskDb, platform: FakePlatform, enqueued: string[]) {
  for (const id of enqueued) {
    if (platform.poison.has(id)) continue;
    if (platform.complete(id)) continue;
    const row = await db.outbox.get(id);
    expect(row, `${id} is neither on the platform nor in the outbox`).toBeDefined();
    expect(row?.state).not.toBe('acked');
    expect(row?.envelope).toBeDefined();
    expect(await db.attachments.where('envelopeId').equals(id).count()).toBe(
      row?.attachmentIds.length,
    );
  }
}

let dbCounter = 0;

describe('drain on the Dexie outbox', () => {
  it('delivers each application exactly once under any interleaving of failures and kills', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 14 }),
        fc.array(faultArb, { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 2 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 5 }),
        // From a budget that sends every attachment by upload to one that sends all inline.
        fc.constantFrom(1, 300, 700, 1e6),
        async (steps, faults, poisonIndexes, poisonRefusesBatch, maxItems, maxBytes) => {
          const name = `drain-prop-${dbCounter++}`;
          const db = new KioskDb(name);
          const store = dexieOutboxStore(db);
          const enqueued: string[] = [];
          const poison = new Set(poisonIndexes.map((i) => `a${String(i).padStart(3, '0')}`));
          const platform = new FakePlatform([...faults], poison, poisonRefusesBatch);
          let now = 1_000_000;
          const random = () => 0.999;
          const limits = { maxItems, maxBytes };
          try {
            let needsRecovery = false;
            const run = async (kill: KillSwitch) => {
              const deps = {
                store: killable(store, kill),
                platform: killablePlatform(platform, kill),
                now: () => now,
                random,
                limits,
              };
              if (needsRecovery) await recoverOutbox(deps);
              await drain(deps);
            };
            for (const step of steps) {
              if (step.kind === 'enqueue') {
                for (let i = 0; i < step.count; i++) {
                  const id = `a${String(enqueued.length).padStart(3, '0')}`;
                  await enqueue(db, id, step.images, now);
                  enqueued.push(id);
                }
                continue;
              }
              const kill = new KillSwitch(step.killAt, step.killAfter);
              await Promise.race([run(kill), kill.hit]);
              if (kill.killed) needsRecovery = true;
              else needsRecovery = false;
              await assertNothingLost(db, platform, enqueued);
              now += 10 * 60_000;
            }
            // The link comes back for good: everything drains.
            for (let round = 0; round < 100; round++) {
              const kill = new KillSwitch(null, false);
              await run(kill);
              needsRecovery = false;
              if ((await store.nextDueAt()) === undefined) break;
              now += 10 * 60_000;
            }
            await assertNothingLost(db, platform, enqueued);
            expect(platform.violations).toEqual([]);
            for (const id of enqueued) {
              const row = await db.outbox.get(id);
              if (poison.has(id)) {
                expect(platform.stored.has(id)).toBe(false);
                expect(row?.state).toBe('quarantined');
              } else {
                expect(platform.complete(id)).toBe(true);
                expect(platform.stored.get(id)).toBe(1);
                expect(row?.state).toBe('acked');
                expect(row?.envelope).toBeUndefined();
              }
            }
            expect(await db.attachments.filter((a) => !poison.has(a.envelopeId)).count()).toBe(0);
          } finally {
            db.close();
            await Dexie.delete(name);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
