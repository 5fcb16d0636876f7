import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './outbox-entry';
import {
  applyOutcome,
  markSending,
  outcomeForBatch,
  recoverInterrupted,
  rescheduleOnReconnect,
  selectBatch,
} from './outbox-policy';

function entry(id: string, patch: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id,
    serviceCode: 's',
    receiptNumber: `r${id}`,
    idHash: `h${id}`,
    createdAt: 0,
    state: 'queued',
    attempts: 0,
    interruptions: 0,
    isolate: false,
    nextAttemptAt: 0,
    envelope: {
      id,
      serviceCode: 's',
      createdAt: '2025-01-01T00:00:00Z',
      receiptNumber: 'K1-20250101-0001',
      idHash: 'h'.repeat(43),
      attachments: [],
      enc: 'e'.repeat(10),
      ciphertext: 'c'.repeat(90),
    },
    attachmentIds: ['a'],
    bytes: 1000,
    ...patch,
  };
}
const clock = { now: 1_000, random: () => 0.5 };

describe('outbox policy', () => {
  it('acknowledgement drops the sealed payload but keeps the receipt metadata', () => {
    const acked = applyOutcome(
      markSending(entry('1')),
      { kind: 'duplicate', platformNumber: 'P-9' },
      clock,
    );
    expect(acked).toMatchObject({
      state: 'acked',
      ackedAt: 1_000,
      attachmentIds: [],
      bytes: 0,
      platformNumber: 'P-9',
      receiptNumber: 'r1',
    });
    expect(acked.envelope).toBeUndefined();
  });

  it('a transient failure requeues with a later attempt time and no limit', () => {
    let current = entry('1');
    for (let i = 1; i <= 200; i++) {
      current = applyOutcome(markSending(current), { kind: 'transient', reason: 'offline' }, clock);
      expect(current.state).toBe('queued');
      expect(current.attempts).toBe(i);
    }
    expect(current.nextAttemptAt).toBeGreaterThan(1_000);
    expect(current.envelope).toBeDefined();
  });

  it('honours Retry-After when it is longer than the jittered delay', () => {
    const next = applyOutcome(
      entry('1'),
      { kind: 'transient', reason: '429', retryAfterMs: 60_000 },
      { now: 0, random: () => 0 },
    );
    expect(next.nextAttemptAt).toBe(60_000);
  });

  it('a definitive rejection quarantines; a refused batch isolates its members', () => {
    expect(applyOutcome(entry('1'), { kind: 'rejected', reason: 'bad' }, clock)).toMatchObject({
      state: 'quarantined',
      lastError: 'bad',
    });
    expect(applyOutcome(entry('1'), { kind: 'batch-refused', reason: '400' }, clock)).toMatchObject(
      { state: 'queued', isolate: true, nextAttemptAt: 1_000 },
    );
    expect(outcomeForBatch({ kind: 'batch-refused', reason: '400' }, 1)).toEqual({
      kind: 'rejected',
      reason: '400',
    });
    expect(outcomeForBatch({ kind: 'batch-refused', reason: '400' }, 2).kind).toBe('batch-refused');
  });

  it('recovers an interrupted send: first at once, then alone and after a pause', () => {
    const once = recoverInterrupted(entry('1', { state: 'sending' }), clock);
    expect(once).toMatchObject({
      state: 'queued',
      interruptions: 1,
      isolate: false,
      nextAttemptAt: 1_000,
    });
    const twice = recoverInterrupted({ ...once, state: 'sending' }, clock);
    expect(twice).toMatchObject({ state: 'queued', interruptions: 2, isolate: true });
    expect(recoverInterrupted(entry('2'), clock)).toEqual(entry('2'));
  });

  it('refuses to send what is not queued', () => {
    expect(() => markSending(entry('1', { state: 'acked' }))).toThrow(/acked/);
  });

  it('brings a backed-off entry forward when the link returns', () => {
    expect(rescheduleOnReconnect(entry('1', { nextAttemptAt: 9_999 }), 5).nextAttemptAt).toBe(5);
    expect(rescheduleOnReconnect(entry('1', { nextAttemptAt: 2 }), 5).nextAttemptAt).toBe(2);
  });

  it('selects batches by count and form bytes, always taking the first, isolating suspects', () => {
    const due = ['1', '2', '3', '4'].map((id) => entry(id));
    expect(selectBatch(due, { maxItems: 3, maxBytes: 1e6 }).map((e) => e.id)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(selectBatch(due, { maxItems: 10, maxBytes: 250 }).map((e) => e.id)).toEqual(['1', '2']);
    expect(selectBatch(due, { maxItems: 10, maxBytes: 1 }).map((e) => e.id)).toEqual(['1']);
    const suspect = entry('0', { isolate: true });
    expect(selectBatch([suspect, ...due], { maxItems: 10, maxBytes: 1e6 })).toEqual([suspect]);
    expect(
      selectBatch([due[0]!, suspect, due[1]!], { maxItems: 10, maxBytes: 1e6 }).map((e) => e.id),
    ).toEqual(['1', '2']);
    expect(selectBatch([], { maxItems: 10, maxBytes: 1 })).toEqual([]);
  });
});
