import { describe, expect, it } from 'vitest';
import { problem } from '../protocol/problem';
import { checkedEnvelope } from '../../test/support/intake-items';
import type { Queryable, SqlValue } from './database';
import type { EnvelopeCheckOutcome } from './envelope-check';
import type { EnvelopeChecker } from './envelope-check-pool';
import { batchVerdicts } from './intake-verdicts';

const context = { receiptPrefix: 'KABCDE', today: '2026-12-04', catalog: undefined };

/** Answers the one question intake-verdicts asks with the rows given; records the asking. */
function storeHolding(rows: object[]): Queryable & { asked: SqlValue[][] } {
  const asked: SqlValue[][] = [];
  return {
    dialect: 'sqlite',
    asked,
    query: async <T extends object>(_sql: string, params: readonly SqlValue[] = []) => {
      asked.push([...params]);
      return rows as T[];
    },
    run: async () => 0,
  };
}

/** Rejects every item it is given, naming it by its position among what it got. */
function recordingChecker(): EnvelopeChecker & { got: unknown[][] } {
  const got: unknown[][] = [];
  return {
    got,
    check: async (items) => {
      got.push(items);
      return items.map((_, i): EnvelopeCheckOutcome => ({
        ok: false,
        problem: problem('envelope-invalid', 400, `#${i}`),
      }));
    },
    close: async () => undefined,
  };
}

describe('batchVerdicts', () => {
  it('passes an item this kiosk sent before, byte for byte, without checking it again', async () => {
    const { envelope } = checkedEnvelope(1);
    const first = { ...envelope, enc: 'e', ciphertext: 'c' };
    const fresh = { id: checkedEnvelope(2).envelope.id };
    const db = storeHolding([]);
    const { fingerprints } = await batchVerdicts(
      { db, checker: recordingChecker() },
      { kioskId: 'k1', items: [first], context },
    );

    const checker = recordingChecker();
    const resent = await batchVerdicts(
      {
        db: storeHolding([
          { id: envelope.id, envelope_hash: fingerprints[0], content_hash: 'stored-hash' },
        ]),
        checker,
      },
      { kioskId: 'k1', items: ['poison', first, fresh], context },
    );
    expect(checker.got).toEqual([['poison', fresh]]);
    expect(resent.verdicts).toEqual([
      { ok: false, problem: problem('envelope-invalid', 400, '#0') },
      { ok: true, checked: { envelope, contentHash: 'stored-hash', contentJson: '' } },
      { ok: false, problem: problem('envelope-invalid', 400, '#1') },
    ]);
    expect(resent.fingerprints[1]).toBe(fingerprints[0]);
    expect(resent.fingerprints[0]).toBeUndefined();
  });

  it('checks an item whose id is stored with other bytes, and asks only about readable ids', async () => {
    const { envelope } = checkedEnvelope(1);
    const item = { ...envelope, enc: 'e', ciphertext: 'c' };
    const db = storeHolding([{ id: envelope.id, envelope_hash: 'other', content_hash: 'h' }]);
    const checker = recordingChecker();
    const { verdicts } = await batchVerdicts(
      { db, checker },
      { kioskId: 'k1', items: [item, { id: 5 }, item], context },
    );
    expect(checker.got).toEqual([[item, { id: 5 }, item]]);
    expect(verdicts.map((v) => v.ok)).toEqual([false, false, false]);
    expect(db.asked).toEqual([['k1', envelope.id]]);
  });
});
