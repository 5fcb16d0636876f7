// Test-only: arbitrary journal operations and the model they must replay to.
import fc from 'fast-check';
import type { JournalPut, JournalRecord } from './journal-record';

/** A few ids, so that puts repeat and acks hit. */
export const envelopeIdArb = fc.constantFrom(
  '3f1c7d52-0000-4000-8000-000000000001',
  '3f1c7d52-0000-4000-8000-000000000002',
  '3f1c7d52-0000-4000-8000-000000000003',
  '3f1c7d52-0000-4000-8000-000000000004',
);

export const putArb: fc.Arbitrary<JournalPut> = fc.record({
  envelopeId: envelopeIdArb,
  envelope: fc.uint8Array({ maxLength: 40 }),
  attachments: fc.array(fc.record({ id: fc.uuid(), sealed: fc.uint8Array({ maxLength: 30 }) }), {
    maxLength: 2,
  }),
});

export const recordArb: fc.Arbitrary<JournalRecord> = fc.oneof(
  putArb.map((put) => ({ kind: 'put' as const, ...put })),
  fc
    .uniqueArray(envelopeIdArb, { minLength: 1, maxLength: 3 })
    .map((envelopeIds) => ({ kind: 'ack' as const, envelopeIds })),
);

export const recordsArb = fc.array(recordArb, { minLength: 1, maxLength: 8 });

/** What the journal must hold after these records, in the order they were (last) put. */
export function expectedLive(records: readonly JournalRecord[]): JournalPut[] {
  const live = new Map<string, JournalPut>();
  for (const record of records) {
    if (record.kind === 'ack') {
      for (const id of record.envelopeIds) live.delete(id);
    } else {
      const { envelopeId, envelope, attachments } = record;
      live.delete(envelopeId);
      live.set(envelopeId, { envelopeId, envelope, attachments });
    }
  }
  return [...live.values()];
}

/** Plain arrays, so that a Buffer and a Uint8Array of the same bytes compare equal. */
export function comparable(puts: readonly JournalPut[]) {
  return puts.map((p) => ({
    envelopeId: p.envelopeId,
    envelope: Array.from(p.envelope),
    attachments: p.attachments.map((a) => ({ id: a.id, sealed: Array.from(a.sealed) })),
  }));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
