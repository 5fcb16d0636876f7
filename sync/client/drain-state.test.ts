import { describe, expect, it } from 'vitest';
import {
  DueEntries,
  EndedFlights,
  PurgeDebt,
  READ_AHEAD_BATCHES,
  tallySettled,
  type DrainReport,
} from './drain-state';
import type { OutboxEntry } from './outbox-entry';
import { fakeEntry } from './outbox-entry-fixture';

const entry = (id: string, bytes = 100): OutboxEntry => ({ ...fakeEntry(id, 1), bytes });

describe('DueEntries', () => {
  it('reads ahead only when what it read is used up, leaving out what is on its way', () => {
    const due = new DueEntries();
    expect(due.readLimit(10)).toBe(10 * READ_AHEAD_BATCHES);
    due.readAhead([entry('a'), entry('b'), entry('c')]);
    expect(due.readLimit(10)).toBeUndefined();
    const taken = due.take([entry('a'), entry('b')]);
    expect([...taken]).toEqual(['a', 'b']);
    expect(due.waiting.map((e) => e.id)).toEqual(['c']);
    due.take([entry('c')]);
    // Two batches on their way: the next read asks for as many more as are flying.
    expect(due.readLimit(10)).toBe(10 * READ_AHEAD_BATCHES + 3);
    due.readAhead([entry('a'), entry('d')]);
    expect(due.waiting.map((e) => e.id)).toEqual(['d']);
  });

  it('reads afresh after a batch put entries back in the queue', () => {
    const due = new DueEntries();
    due.readAhead([entry('a'), entry('b')]);
    const taken = due.take([entry('a')]);
    due.land(taken, false);
    expect(due.waiting.map((e) => e.id)).toEqual(['b']);
    due.land(due.take([entry('b')]), true);
    expect(due.readLimit(1)).toBe(READ_AHEAD_BATCHES);
  });
});

describe('EndedFlights', () => {
  it('hands over the ended flights once', () => {
    const ended = new EndedFlights();
    expect(ended.any).toBe(false);
    ended.note('f1');
    ended.note('f2');
    expect(ended.any).toBe(true);
    expect(ended.takeAll()).toEqual(['f1', 'f2']);
    expect(ended.any).toBe(false);
    expect(ended.takeAll()).toEqual([]);
  });
});

describe('PurgeDebt', () => {
  it('is due once the bytes reach the bound, and pending until cleared', () => {
    const debt = new PurgeDebt(250);
    expect(debt.pending).toBe(false);
    debt.owe(0);
    expect(debt.pending).toBe(true);
    debt.owe(200);
    expect(debt.due).toBe(false);
    debt.owe(50);
    expect(debt.due).toBe(true);
    debt.clear();
    expect(debt.pending).toBe(false);
    expect(debt.due).toBe(false);
  });
});

describe('tallySettled', () => {
  it('counts each settled entry and keeps the last error of those not delivered', () => {
    const before: DrainReport = { delivered: 1, quarantined: 0, retried: 0, stoppedBy: 'empty' };
    const sending = [entry('a', 300), entry('b', 400), entry('c', 500), entry('d', 600)];
    const settled: OutboxEntry[] = [
      { ...sending[0]!, state: 'acked', bytes: 0 },
      { ...sending[1]!, state: 'quarantined', lastError: 'refused' },
      { ...sending[2]!, state: 'queued', lastError: 'timed out' },
      { ...sending[3]!, state: 'acked', bytes: 0 },
    ];
    const tally = tallySettled(before, sending, settled);
    expect(tally).toEqual({
      report: {
        delivered: 3,
        quarantined: 1,
        retried: 1,
        stoppedBy: 'empty',
        lastError: 'timed out',
      },
      acked: 2,
      ackedBytes: 900,
    });
    expect(before.delivered).toBe(1);
  });
});
