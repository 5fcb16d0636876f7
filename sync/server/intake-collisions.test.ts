import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentRef,
  checkedEnvelope,
  passedItem,
  receiptNumber,
} from '../../test/support/intake-items';
import { findCollisions } from './intake-collisions';

const nothingStored = { applications: [], attachmentIds: [] };

describe('findCollisions', () => {
  it('places new envelopes as new', () => {
    const passed = [passedItem(0, checkedEnvelope(1)), passedItem(1, checkedEnvelope(2))];
    expect(findCollisions({ passed, stored: nothingStored })).toEqual([
      { kind: 'new' },
      { kind: 'new' },
    ]);
  });

  it('tells a duplicate from a reused id by the content hash', () => {
    const stored = {
      applications: [
        {
          id: checkedEnvelope(1).envelope.id,
          receiptNumber: receiptNumber(1),
          contentHash: 'content-1',
        },
        {
          id: checkedEnvelope(2).envelope.id,
          receiptNumber: receiptNumber(2),
          contentHash: 'other',
        },
      ],
      attachmentIds: [],
    };
    const passed = [passedItem(0, checkedEnvelope(1)), passedItem(1, checkedEnvelope(2))];
    expect(findCollisions({ passed, stored })).toEqual([
      { kind: 'duplicate' },
      { kind: 'conflict', collision: 'id-reused' },
    ]);
  });

  it('refuses a receipt number or an attachment id that belongs to another application', () => {
    const stored = {
      applications: [
        { id: checkedEnvelope(9).envelope.id, receiptNumber: receiptNumber(1), contentHash: 'x' },
      ],
      attachmentIds: [attachmentRef(7).id],
    };
    const passed = [
      passedItem(0, checkedEnvelope(1)),
      passedItem(1, checkedEnvelope(2, { attachments: [attachmentRef(6), attachmentRef(7)] })),
    ];
    expect(findCollisions({ passed, stored })).toEqual([
      { kind: 'conflict', collision: 'receipt-taken' },
      { kind: 'conflict', collision: 'attachment-taken' },
    ]);
  });

  it('places the items of one batch against those placed before them', () => {
    const passed = [
      passedItem(0, checkedEnvelope(1, { attachments: [attachmentRef(5)] })),
      passedItem(1, checkedEnvelope(1, { attachments: [attachmentRef(5)] })),
      passedItem(2, checkedEnvelope(1, { contentHash: 'changed' })),
      passedItem(3, checkedEnvelope(2, { receiptNumber: receiptNumber(1) })),
      passedItem(4, checkedEnvelope(3, { attachments: [attachmentRef(5)] })),
    ];
    expect(findCollisions({ passed, stored: nothingStored })).toEqual([
      { kind: 'new' },
      { kind: 'duplicate' },
      { kind: 'conflict', collision: 'id-reused' },
      { kind: 'conflict', collision: 'receipt-taken' },
      { kind: 'conflict', collision: 'attachment-taken' },
    ]);
  });

  it('never places two items new that share an id, a receipt number or an attachment', () => {
    const item = fc.record({
      n: fc.integer({ min: 1, max: 4 }),
      receipt: fc.integer({ min: 1, max: 4 }),
      content: fc.integer({ min: 1, max: 2 }),
      attachments: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        const passed = items.map((it, index) =>
          passedItem(
            index,
            checkedEnvelope(it.n, {
              receiptNumber: receiptNumber(it.receipt),
              contentHash: `content-${it.content}`,
              attachments: it.attachments.map((a) => attachmentRef(a)),
            }),
          ),
        );
        const placements = findCollisions({ passed, stored: nothingStored });
        expect(placements).toHaveLength(passed.length);
        const fresh = passed.filter((_, i) => placements[i]!.kind === 'new');
        const ids = fresh.map((p) => p.checked.envelope.id);
        const receipts = fresh.map((p) => p.checked.envelope.receiptNumber);
        const attachments = fresh.flatMap((p) => p.checked.envelope.attachments.map((a) => a.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(receipts).size).toBe(receipts.length);
        expect(new Set(attachments).size).toBe(attachments.length);
        // The first item is always new: nothing was stored and nothing came before it.
        if (passed.length > 0) expect(placements[0]).toEqual({ kind: 'new' });
      }),
    );
  });
});
