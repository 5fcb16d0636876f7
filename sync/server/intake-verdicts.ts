import { createHash } from 'node:crypto';
import { EnvelopeHeader } from '../protocol/envelope';
import type { Queryable } from './database';
import type { CheckedEnvelope, EnvelopeCheckOutcome } from './envelope-check';
import type { BatchCheckContext, EnvelopeChecker } from './envelope-check-pool';
import { parameterList } from './sql-parameters';

/** SHA-256 of an item as it came; a resent envelope has the same one. */
function envelopeFingerprint(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  return createHash('sha256').update(JSON.stringify(item)).digest('base64url');
}

/**
 * Items this kiosk sent before, byte for byte: a retried batch. They are duplicates without
 * opening them again, which saves the HPKE decapsulation that dominates intake's CPU exactly
 * when a retry storm loads the platform most.
 */
async function recogniseResent(
  db: Queryable,
  kioskId: string,
  items: unknown[],
  fingerprints: Array<string | undefined>,
): Promise<Map<number, CheckedEnvelope>> {
  const recognised = new Map<number, CheckedEnvelope>();
  const ids = items.map((item) =>
    typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
      ? (item as { id: string }).id
      : undefined,
  );
  const asked = [...new Set(ids.filter((id): id is string => id !== undefined))];
  if (asked.length === 0) return recognised;
  const rows = await db.query<{ id: string; envelope_hash: string | null; content_hash: string }>(
    `SELECT id, envelope_hash, content_hash FROM applications WHERE kiosk_id = $1 AND id IN (${parameterList(asked.length, 1)})`,
    [kioskId, ...asked],
  );
  const known = new Map(rows.map((row) => [row.id, row]));
  items.forEach((item, index) => {
    const row = ids[index] === undefined ? undefined : known.get(ids[index]);
    if (row?.envelope_hash == null || row.envelope_hash !== fingerprints[index]) return;
    const header = EnvelopeHeader.safeParse(item);
    if (header.success)
      recognised.set(index, {
        envelope: header.data,
        contentHash: row.content_hash,
        contentJson: '',
      });
  });
  return recognised;
}

/** The checker's verdicts for the items not recognised, in the batch's order. */
async function checkUnrecognised(
  checker: EnvelopeChecker,
  items: unknown[],
  recognised: ReadonlyMap<number, CheckedEnvelope>,
  context: BatchCheckContext,
): Promise<EnvelopeCheckOutcome[]> {
  if (recognised.size === 0) return checker.check(items, context);
  const rest = items.map((_, index) => index).filter((index) => !recognised.has(index));
  const verdicts = await checker.check(
    rest.map((index) => items[index]),
    context,
  );
  // The verdicts come in the order of `rest`, which is the batch's order without the known.
  let next = 0;
  return items.map((_, index): EnvelopeCheckOutcome => {
    const known = recognised.get(index);
    return known === undefined ? verdicts[next++]! : { ok: true, checked: known };
  });
}

/**
 * Every item's verdict, in the batch's order, with its fingerprint: the checker's, but for
 * the items recognised as resent, which pass as what was stored.
 */
export async function batchVerdicts(
  deps: { db: Queryable; checker: EnvelopeChecker },
  batch: { kioskId: string; items: unknown[]; context: BatchCheckContext },
): Promise<{ fingerprints: Array<string | undefined>; verdicts: EnvelopeCheckOutcome[] }> {
  const { kioskId, items, context } = batch;
  const fingerprints = items.map(envelopeFingerprint);
  const recognised = await recogniseResent(deps.db, kioskId, items, fingerprints);
  const verdicts = await checkUnrecognised(deps.checker, items, recognised, context);
  return { fingerprints, verdicts };
}
