import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problem } from '../protocol/problem';
import { BatchItemResult } from '../protocol/intake';
import {
  acceptedItem,
  conflictItem,
  duplicateItem,
  echoedId,
  outcomeCounts,
  rejectedItem,
} from './batch-item-result';

const ref = {
  index: 2,
  id: '10000000-0000-4000-8000-000000000001',
  receiptNumber: 'KABCDE-20261204-0001',
};

describe('batch item answers', () => {
  it('echo an id only when the item has a readable one, cut to 64 characters', () => {
    expect(echoedId({ id: 'abc' })).toBe('abc');
    expect(echoedId({ id: 'y'.repeat(65) })).toBe('y'.repeat(64));
    for (const item of [null, undefined, 'abc', 12, [], { id: 12 }, { other: 'abc' }])
      expect(echoedId(item)).toBeUndefined();
  });

  it('name each collision in a conflict with status 409', () => {
    expect(conflictItem(ref, 'id-reused')).toEqual({
      ...ref,
      outcome: 'conflict',
      problem: problem(
        'invalid-request',
        409,
        'an envelope with this id but other content was accepted before',
      ),
    });
    expect(conflictItem(ref, 'receipt-taken').problem?.detail).toBe(
      'this receipt number belongs to another application',
    );
    expect(conflictItem(ref, 'attachment-taken').problem?.detail).toBe(
      'an attachment id belongs to another application',
    );
  });

  it('match the protocol schema whatever their outcome', () => {
    const invalid = problem('envelope-invalid', 400);
    fc.assert(
      fc.property(fc.anything(), fc.nat(1000), (item, index) => {
        expect(BatchItemResult.safeParse(rejectedItem(index, item, invalid)).success).toBe(true);
      }),
    );
    for (const answer of [
      acceptedItem(ref, []),
      duplicateItem(ref, [ref.id]),
      conflictItem(ref, 'id-reused'),
    ])
      expect(BatchItemResult.parse(answer)).toEqual(answer);
  });

  it('count outcomes, naming every outcome even when none had it', () => {
    expect(
      outcomeCounts([acceptedItem(ref, []), acceptedItem(ref, []), duplicateItem(ref, [])]),
    ).toEqual({
      accepted: 2,
      duplicate: 1,
      conflict: 0,
      rejected: 0,
    });
  });
});
