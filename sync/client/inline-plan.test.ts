import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INLINE_ATTACHMENT_BYTES } from '../protocol/intake';
import { ATTACHMENT_PART_OVERHEAD, encodeBatchForm } from '../protocol/batch-form';
import { batchBytes, inlineBytes, planInline } from './inline-plan';
import { fakeEntry } from './outbox-entry-fixture';
import type { OutboxEntry } from './outbox-entry';

function entryWith(id: string, sizes: number[]): OutboxEntry {
  return fakeEntry(
    id,
    0,
    sizes.map((_, i) => `${id}/${i}`),
    sizes,
  );
}
const FORM = 87 + 64;

describe('inline attachments of a batch', () => {
  it('counts an entry by its form and its small attachments as raw parts', () => {
    expect(inlineBytes(1)).toBe(1 + ATTACHMENT_PART_OVERHEAD);
    // The overhead is what the encoder really adds per attachment.
    const id = crypto.randomUUID();
    const without = encodeBatchForm({ envelopes: [] }, []).body.byteLength;
    const withOne = encodeBatchForm({ envelopes: [] }, [{ id, data: new Uint8Array(1) }]);
    expect(withOne.body.byteLength - without).toBe(1 + ATTACHMENT_PART_OVERHEAD);
    expect(batchBytes(entryWith('a', [300, MAX_INLINE_ATTACHMENT_BYTES + 1]))).toBe(
      FORM + inlineBytes(300),
    );
  });

  it('sends large attachments by upload, and small ones inline while the budget lasts', () => {
    const batch = [
      entryWith('a', [300, MAX_INLINE_ATTACHMENT_BYTES + 1]),
      entryWith('b', [300, 300]),
    ];
    expect(planInline(batch, 1e9)).toEqual(['a/0', 'b/0', 'b/1']);
    expect(planInline(batch, 2 * FORM + 2 * inlineBytes(300))).toEqual(['a/0', 'b/0']);
    expect(planInline(batch, 2 * FORM)).toEqual([]);
  });

  it('never plans more than the budget, nor an attachment the entry does not hold', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.integer({ min: 1, max: 2 * MAX_INLINE_ATTACHMENT_BYTES }), { maxLength: 4 }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.integer({ min: 0, max: 8 * MAX_INLINE_ATTACHMENT_BYTES }),
        (sizes, budget) => {
          const batch = sizes.map((s, i) => entryWith(`e${i}`, s));
          const planned = planInline(batch, budget);
          const refs = new Map(batch.flatMap((e) => e.envelope!.attachments.map((r) => [r.id, r])));
          const bytes = planned.reduce((sum, id) => sum + inlineBytes(refs.get(id)!.size), 0);
          if (planned.length > 0) expect(batch.length * FORM + bytes).toBeLessThanOrEqual(budget);
          for (const id of planned)
            expect(refs.get(id)!.size).toBeLessThanOrEqual(MAX_INLINE_ATTACHMENT_BYTES);
          expect(new Set(planned).size).toBe(planned.length);
        },
      ),
    );
  });
});
