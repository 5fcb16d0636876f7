import type { BatchItemResult } from '../protocol/intake';
import { problem } from '../protocol/problem';
import type { Clock } from './clock';
import type { Database, Queryable, SqlValue } from './database';
import { createHash } from 'node:crypto';
import { EnvelopeHeader } from '../protocol/envelope';
import type { CheckedEnvelope, EnvelopeCheckOutcome } from './envelope-check';
import type { BatchCheckContext, EnvelopeChecker } from './envelope-check-pool';
import { inlineFor, type ReceivedInline } from './inline-attachments';

/**
 * Batch intake. Every item is checked on its own (a poison item becomes one rejection);
 * the items that pass are then stored in one transaction with a handful of multi-row
 * statements, so a batch costs the database a few round trips whatever its size. Inline
 * attachments are stored complete in that same transaction; one no envelope of the batch
 * declares (its envelope may have been rejected) is dropped.
 */

export interface IntakeLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

function placeholders(rows: number, columns: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++)
    out.push(
      `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
    );
  return out.join(', ');
}

async function insertMany(
  tx: Queryable,
  table: string,
  columns: string[],
  rows: SqlValue[][],
): Promise<void> {
  // Keeps each statement well under SQLite's and PostgreSQL's parameter limits.
  const perStatement = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await tx.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(chunk.length, columns.length)}`,
      chunk.flat(),
    );
  }
}

export async function missingAttachments(
  db: Queryable,
  applicationIds: string[],
): Promise<Map<string, string[]>> {
  const missing = new Map<string, string[]>(applicationIds.map((id) => [id, []]));
  if (applicationIds.length === 0) return missing;
  const rows = await db.query<{ id: string; application_id: string }>(
    `SELECT id, application_id FROM attachments WHERE completed_at IS NULL AND application_id IN (${applicationIds.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY id`,
    applicationIds,
  );
  for (const row of rows) missing.get(row.application_id)?.push(row.id);
  return missing;
}

/** `upload_offset` and `completed_at` of a new attachment row. */
function completion(data: Buffer | undefined, size: number, now: number): SqlValue[] {
  return data === undefined ? [null, null] : [size, now];
}

/**
 * Completes, from inline bytes, an attachment an earlier batch declared: whatever a tus
 * upload had begun is replaced, and a concurrent PATCH then finds its offset stale.
 */
async function completeInline(
  tx: Queryable,
  attachmentId: string,
  data: Buffer,
  now: number,
): Promise<void> {
  await tx.run('DELETE FROM attachment_chunks WHERE attachment_id = $1', [attachmentId]);
  await tx.run(
    'INSERT INTO attachment_chunks (attachment_id, chunk_offset, data) VALUES ($1, 0, $2)',
    [attachmentId, data],
  );
  await tx.run(
    'UPDATE attachments SET upload_offset = size, completed_at = $1 WHERE id = $2 AND completed_at IS NULL',
    [now, attachmentId],
  );
}

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
    `SELECT id, envelope_hash, content_hash FROM applications WHERE kiosk_id = $1 AND id IN (${asked.map((_, i) => `$${i + 2}`).join(', ')})`,
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

export async function receiveBatch(
  db: Database,
  clock: Clock,
  log: IntakeLog,
  kioskId: string,
  items: unknown[],
  checker: EnvelopeChecker,
  context: BatchCheckContext,
  inline: ReadonlyMap<string, ReceivedInline> = new Map(),
): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = new Array(items.length);
  const checked: { index: number; item: CheckedEnvelope; inline: Map<string, Buffer> }[] = [];
  const fingerprints = items.map(envelopeFingerprint);
  const recognised = await recogniseResent(db, kioskId, items, fingerprints);
  const outcomes = await checkUnrecognised(checker, items, recognised, context);
  outcomes.forEach((outcome, index) => {
    const item = items[index];
    const id =
      typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
        ? String((item as { id: string }).id).slice(0, 64)
        : undefined;
    const reject = (itemProblem: BatchItemResult['problem']) => {
      results[index] = {
        index,
        ...(id === undefined ? {} : { id }),
        outcome: 'rejected',
        problem: itemProblem,
      };
    };
    if (outcome.ok) {
      const attached = inlineFor(outcome.checked.envelope.attachments, inline);
      if (!attached.ok) return reject(attached.problem);
      return void checked.push({ index, item: outcome.checked, inline: attached.attachments });
    }
    if (outcome.unexpected !== undefined)
      log.warn({ kioskId, index, err: outcome.unexpected }, 'intake item failed unexpectedly');
    reject(outcome.problem);
  });

  if (checked.length > 0) {
    const now = clock.now();
    await db.transaction(
      async (tx) => {
        const ids = checked.map((c) => c.item.envelope.id);
        const receipts = checked.map((c) => c.item.envelope.receiptNumber);
        const attachmentIds = checked.flatMap((c) => c.item.envelope.attachments.map((a) => a.id));
        const marks = (from: number, count: number) =>
          Array.from({ length: count }, (_, i) => `$${from + i + 1}`).join(', ');
        // One round trip for what the batch may collide with: it runs under the feed lock.
        const seen = await tx.query<{
          kind: 'application' | 'attachment';
          id: string;
          receipt_number: string | null;
          content_hash: string | null;
        }>(
          `SELECT 'application' AS kind, id, receipt_number, content_hash FROM applications WHERE id IN (${marks(0, ids.length)}) OR receipt_number IN (${marks(ids.length, receipts.length)})` +
            (attachmentIds.length === 0
              ? ''
              : ` UNION ALL SELECT 'attachment' AS kind, id, NULL, NULL FROM attachments WHERE id IN (${marks(ids.length + receipts.length, attachmentIds.length)})`),
          [...ids, ...receipts, ...attachmentIds],
        );
        const existing = seen
          .filter((row) => row.kind === 'application')
          .map((row) => ({
            id: row.id,
            receipt_number: row.receipt_number!,
            content_hash: row.content_hash!,
          }));
        const takenAttachments = new Set(
          seen.filter((row) => row.kind === 'attachment').map((row) => row.id),
        );
        const byId = new Map(existing.map((row) => [row.id, row]));
        const byReceipt = new Map(existing.map((row) => [row.receipt_number, row]));
        const applications: SqlValue[][] = [];
        const attachments: SqlValue[][] = [];
        const events: SqlValue[][] = [];
        const chunks: SqlValue[][] = [];
        const duplicates: Array<{ index: number; inline: Map<string, Buffer> }> = [];
        for (const { index, item, inline: attached } of checked) {
          const { envelope } = item;
          const base = { index, id: envelope.id, receiptNumber: envelope.receiptNumber };
          const same = byId.get(envelope.id);
          if (same !== undefined) {
            if (same.content_hash === item.contentHash) {
              results[index] = { ...base, outcome: 'duplicate' };
              duplicates.push({ index, inline: attached });
            } else {
              results[index] = {
                ...base,
                outcome: 'conflict',
                problem: problem(
                  'invalid-request',
                  409,
                  'an envelope with this id but other content was accepted before',
                ),
              };
            }
            continue;
          }
          if (byReceipt.has(envelope.receiptNumber)) {
            results[index] = {
              ...base,
              outcome: 'conflict',
              problem: problem(
                'invalid-request',
                409,
                'this receipt number belongs to another application',
              ),
            };
            continue;
          }
          if (envelope.attachments.some((a) => takenAttachments.has(a.id))) {
            results[index] = {
              ...base,
              outcome: 'conflict',
              problem: problem(
                'invalid-request',
                409,
                'an attachment id belongs to another application',
              ),
            };
            continue;
          }
          for (const a of envelope.attachments) takenAttachments.add(a.id);
          const row = {
            id: envelope.id,
            receipt_number: envelope.receiptNumber,
            content_hash: item.contentHash,
          };
          byId.set(envelope.id, row);
          byReceipt.set(envelope.receiptNumber, row);
          applications.push([
            envelope.id,
            fingerprints[index] ?? null,
            kioskId,
            envelope.serviceCode,
            envelope.receiptNumber,
            envelope.idHash,
            envelope.createdAt,
            now,
            item.contentHash,
            item.contentJson,
            'submitted',
            now,
          ]);
          for (const a of envelope.attachments) {
            const data = attached.get(a.id);
            attachments.push([
              a.id,
              envelope.id,
              a.size,
              a.sha256,
              ...completion(data, a.size, now),
            ]);
            if (data !== undefined) chunks.push([a.id, 0, data]);
          }
          events.push([envelope.id, 'submitted', now]);
          results[index] = {
            ...base,
            outcome: 'accepted',
            missingAttachments: envelope.attachments
              .map((a) => a.id)
              .filter((id) => !attached.has(id))
              .sort(),
          };
        }
        await insertMany(
          tx,
          'applications',
          [
            'id',
            'envelope_hash',
            'kiosk_id',
            'service_code',
            'receipt_number',
            'id_hash',
            'created_at',
            'received_at',
            'content_hash',
            'content',
            'status',
            'updated_at',
          ],
          applications,
        );
        await insertMany(
          tx,
          'attachments',
          ['id', 'application_id', 'size', 'sha256', 'upload_offset', 'completed_at'],
          attachments,
        );
        await insertMany(tx, 'status_events', ['application_id', 'status', 'at'], events);
        const missing = await missingAttachments(
          tx,
          duplicates.map(({ index }) => results[index]!.id!),
        );
        for (const { index, inline: attached } of duplicates) {
          const stillMissing: string[] = [];
          for (const attachmentId of missing.get(results[index]!.id!) ?? []) {
            const data = attached.get(attachmentId);
            if (data === undefined) stillMissing.push(attachmentId);
            else await completeInline(tx, attachmentId, data, now);
          }
          results[index] = { ...results[index]!, missingAttachments: stillMissing };
        }
        await insertMany(
          tx,
          'attachment_chunks',
          ['attachment_id', 'chunk_offset', 'data'],
          chunks,
        );
      },
      { feedWriter: true },
    );
  }
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  log.info(
    {
      kioskId,
      accepted: count('accepted'),
      duplicate: count('duplicate'),
      conflict: count('conflict'),
      rejected: count('rejected'),
    },
    'batch received',
  );
  return results;
}
