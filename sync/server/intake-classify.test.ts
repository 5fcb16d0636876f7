import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { problem } from '../protocol/problem';
import { attachmentRef, checkedEnvelope } from '../../test/support/intake-items';
import { classifyItems } from './intake-classify';
import { receiveInlineBytes } from './inline-attachments';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('base64url');

describe('classifyItems', () => {
  it('passes checked items with the inline attachments they declare', () => {
    const bytes = Buffer.from('sealed photo');
    const photo = { ...attachmentRef(1, bytes.byteLength), sha256: sha256(bytes) };
    const checked = checkedEnvelope(1, { attachments: [photo, attachmentRef(2)] });
    const batch = classifyItems({
      items: [{ id: checked.envelope.id }],
      verdicts: [{ ok: true, checked }],
      fingerprints: ['f0'],
      inline: receiveInlineBytes([
        { id: photo.id, data: bytes },
        { id: attachmentRef(3).id, data: Buffer.from('declared by none') },
      ]),
    });
    expect(batch).toEqual({
      rejected: [],
      passed: [{ index: 0, checked, inline: new Map([[photo.id, bytes]]), fingerprint: 'f0' }],
      unexpected: [],
    });
  });

  it('rejects an item whose inline attachment differs from its declaration', () => {
    const declared = attachmentRef(1, 5);
    const checked = checkedEnvelope(1, { attachments: [declared] });
    const batch = classifyItems({
      items: [{ id: checked.envelope.id }],
      verdicts: [{ ok: true, checked }],
      fingerprints: ['f0'],
      inline: receiveInlineBytes([{ id: declared.id, data: Buffer.from('four') }]),
    });
    expect(batch.passed).toEqual([]);
    expect(batch.rejected).toEqual([
      {
        index: 0,
        id: checked.envelope.id,
        outcome: 'rejected',
        problem: problem(
          'attachment-size-mismatch',
          422,
          `inline attachment ${declared.id} has 4 bytes, the envelope declares 5`,
        ),
      },
    ]);
  });

  it('rejects failed items with their problem, echoing a readable id only, and notes bugs', () => {
    const invalid = problem('envelope-invalid', 400, 'bad');
    const batch = classifyItems({
      items: [{ id: 'x'.repeat(100) }, 'poison', { id: 7 }],
      verdicts: [
        { ok: false, problem: invalid },
        { ok: false, problem: invalid, unexpected: 'TypeError' },
        { ok: false, problem: invalid },
      ],
      fingerprints: ['f0', undefined, 'f2'],
      inline: new Map(),
    });
    expect(batch.rejected).toEqual([
      { index: 0, id: 'x'.repeat(64), outcome: 'rejected', problem: invalid },
      { index: 1, outcome: 'rejected', problem: invalid },
      { index: 2, outcome: 'rejected', problem: invalid },
    ]);
    expect(batch.unexpected).toEqual([{ index: 1, err: 'TypeError' }]);
    expect(batch.passed).toEqual([]);
  });
});
