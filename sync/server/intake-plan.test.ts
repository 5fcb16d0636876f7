import { describe, expect, it } from 'vitest';
import { problem } from '../protocol/problem';
import { attachmentRef, checkedEnvelope, passedItem } from '../../test/support/intake-items';
import { INTAKE_TABLES, planInsert } from './intake-plan';

const NOW = 1_700_000_000_000;

describe('planInsert', () => {
  it('stores a new item with its attachments: inline ones complete, the others for tus', () => {
    const photo = attachmentRef(1, 10);
    const scan = attachmentRef(2, 20);
    const checked = checkedEnvelope(1, { attachments: [scan, photo] });
    const bytes = Buffer.from('0123456789');
    const item = passedItem(3, checked, new Map([[photo.id, bytes]]));
    const plan = planInsert({
      passed: [item],
      placements: [{ kind: 'new' }],
      kioskId: 'k1',
      now: NOW,
    });
    const { envelope } = checked;
    expect(plan.rows).toEqual({
      applications: [
        [
          envelope.id,
          'fingerprint-3',
          'k1',
          envelope.serviceCode,
          envelope.receiptNumber,
          envelope.idHash,
          envelope.createdAt,
          NOW,
          checked.contentHash,
          checked.contentJson,
          'submitted',
          NOW,
        ],
      ],
      attachments: [
        [scan.id, envelope.id, 20, scan.sha256, null, null],
        [photo.id, envelope.id, 10, photo.sha256, 10, NOW],
      ],
      status_events: [[envelope.id, 'submitted', NOW]],
      attachment_chunks: [[photo.id, 0, bytes]],
    });
    expect(plan.answered).toEqual([
      {
        index: 3,
        id: envelope.id,
        receiptNumber: envelope.receiptNumber,
        outcome: 'accepted',
        missingAttachments: [scan.id],
      },
    ]);
    expect(plan.duplicates).toEqual([]);
  });

  it('gives each row as many values as its table has columns', () => {
    const item = passedItem(0, checkedEnvelope(1, { attachments: [attachmentRef(1)] }));
    const plan = planInsert({
      passed: [item],
      placements: [{ kind: 'new' }],
      kioskId: 'k1',
      now: NOW,
    });
    for (const [table, columns] of Object.entries(INTAKE_TABLES))
      for (const row of plan.rows[table as keyof typeof INTAKE_TABLES])
        expect(row).toHaveLength(columns.length);
  });

  it('answers conflicts at once, leaves duplicates for the database, and stores neither', () => {
    const conflicting = passedItem(0, checkedEnvelope(1));
    const duplicate = passedItem(1, checkedEnvelope(2));
    const plan = planInsert({
      passed: [conflicting, duplicate],
      placements: [{ kind: 'conflict', collision: 'receipt-taken' }, { kind: 'duplicate' }],
      kioskId: 'k1',
      now: NOW,
    });
    expect(plan.rows).toEqual({
      applications: [],
      attachments: [],
      status_events: [],
      attachment_chunks: [],
    });
    expect(plan.answered).toEqual([
      {
        index: 0,
        id: conflicting.checked.envelope.id,
        receiptNumber: conflicting.checked.envelope.receiptNumber,
        outcome: 'conflict',
        problem: problem(
          'invalid-request',
          409,
          'this receipt number belongs to another application',
        ),
      },
    ]);
    expect(plan.duplicates).toEqual([duplicate]);
  });
});
