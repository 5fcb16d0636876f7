import type { BatchItemResult } from '../protocol/intake';
import { duplicateItem, outcomeCounts } from './batch-item-result';
import type { Clock } from './clock';
import type { Database, Queryable, SqlValue } from './database';
import type { BatchCheckContext, EnvelopeChecker } from './envelope-check-pool';
import type { ReceivedInline } from './inline-attachments';
import { classifyItems } from './intake-classify';
import type { PassedItem } from './intake-classify';
import { findCollisions } from './intake-collisions';
import type { StoredNeighbours } from './intake-collisions';
import { INTAKE_TABLES, itemRef, planInsert } from './intake-plan';
import { batchVerdicts } from './intake-verdicts';
import { parameterList, valuesRows } from './sql-parameters';

/**
 * Batch intake: verdicts → classify → find collisions → insert. Every item is checked on its
 * own (intake-verdicts.ts), so a poison item becomes one rejection (intake-classify.ts); the
 * items that pass are placed against what is stored (intake-collisions.ts) and stored in one
 * transaction with a handful of multi-row statements (intake-plan.ts), so a batch costs the
 * database a few round trips whatever its size. This file does the I/O and keeps its order.
 * Inline attachments are stored complete in that same transaction; one no envelope of the
 * batch declares (its envelope may have been rejected) is dropped.
 */

export interface IntakeLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

async function insertMany(
  tx: Queryable,
  table: keyof typeof INTAKE_TABLES,
  rows: SqlValue[][],
): Promise<void> {
  const columns = INTAKE_TABLES[table];
  // Keeps each statement well under SQLite's and PostgreSQL's parameter limits.
  const perStatement = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await tx.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesRows(chunk.length, columns.length)}`,
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
    `SELECT id, application_id FROM attachments WHERE completed_at IS NULL AND application_id IN (${parameterList(applicationIds.length)}) ORDER BY id`,
    applicationIds,
  );
  for (const row of rows) missing.get(row.application_id)?.push(row.id);
  return missing;
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

/** One round trip for what the batch may collide with: it runs under the feed lock. */
async function storedNeighbours(
  tx: Queryable,
  passed: readonly PassedItem[],
): Promise<StoredNeighbours> {
  const ids = passed.map((p) => p.checked.envelope.id);
  const receipts = passed.map((p) => p.checked.envelope.receiptNumber);
  const attachmentIds = passed.flatMap((p) => p.checked.envelope.attachments.map((a) => a.id));
  const seen = await tx.query<{
    kind: 'application' | 'attachment';
    id: string;
    receipt_number: string | null;
    content_hash: string | null;
  }>(
    `SELECT 'application' AS kind, id, receipt_number, content_hash FROM applications WHERE id IN (${parameterList(ids.length)}) OR receipt_number IN (${parameterList(receipts.length, ids.length)})` +
      (attachmentIds.length === 0
        ? ''
        : ` UNION ALL SELECT 'attachment' AS kind, id, NULL, NULL FROM attachments WHERE id IN (${parameterList(attachmentIds.length, ids.length + receipts.length)})`),
    [...ids, ...receipts, ...attachmentIds],
  );
  return {
    applications: seen
      .filter((row) => row.kind === 'application')
      .map((row) => ({
        id: row.id,
        receiptNumber: row.receipt_number!,
        contentHash: row.content_hash!,
      })),
    attachmentIds: seen.filter((row) => row.kind === 'attachment').map((row) => row.id),
  };
}

/**
 * Completes what resent items bring inline of the attachments their first sending left
 * missing; answers each with what it still lacks.
 */
async function answerDuplicates(
  tx: Queryable,
  duplicates: readonly PassedItem[],
  now: number,
): Promise<BatchItemResult[]> {
  const missing = await missingAttachments(
    tx,
    duplicates.map((item) => item.checked.envelope.id),
  );
  const answers: BatchItemResult[] = [];
  for (const item of duplicates) {
    const stillMissing: string[] = [];
    for (const attachmentId of missing.get(item.checked.envelope.id) ?? []) {
      const data = item.inline.get(attachmentId);
      if (data === undefined) stillMissing.push(attachmentId);
      else await completeInline(tx, attachmentId, data, now);
    }
    answers.push(duplicateItem(itemRef(item), stillMissing));
  }
  return answers;
}

/** Stores the passed items in one transaction; answers each of them. */
async function storePassed(
  db: Database,
  input: { kioskId: string; passed: readonly PassedItem[]; now: number },
): Promise<BatchItemResult[]> {
  const { kioskId, passed, now } = input;
  return db.transaction(
    async (tx) => {
      const stored = await storedNeighbours(tx, passed);
      const placements = findCollisions({ passed, stored });
      const plan = planInsert({ passed, placements, kioskId, now });
      const { rows } = plan;
      await insertMany(tx, 'applications', rows.applications);
      await insertMany(tx, 'attachments', rows.attachments);
      await insertMany(tx, 'status_events', rows.status_events);
      const duplicates = await answerDuplicates(tx, plan.duplicates, now);
      await insertMany(tx, 'attachment_chunks', rows.attachment_chunks);
      return [...plan.answered, ...duplicates];
    },
    { feedWriter: true },
  );
}

export interface IntakeDeps {
  db: Database;
  clock: Clock;
  checker: EnvelopeChecker;
  log: IntakeLog;
}

export interface IncomingBatch {
  kioskId: string;
  items: unknown[];
  context: BatchCheckContext;
  inline?: ReadonlyMap<string, ReceivedInline>;
}

/** Every item's answer, in the batch's order. */
export async function receiveBatch(
  deps: IntakeDeps,
  batch: IncomingBatch,
): Promise<BatchItemResult[]> {
  const { db, clock, checker, log } = deps;
  const { kioskId, items, context, inline = new Map() } = batch;
  const { fingerprints, verdicts } = await batchVerdicts(
    { db, checker },
    { kioskId, items, context },
  );
  const { rejected, passed, unexpected } = classifyItems({ items, verdicts, fingerprints, inline });
  for (const { index, err } of unexpected)
    log.warn({ kioskId, index, err }, 'intake item failed unexpectedly');
  const stored =
    passed.length === 0 ? [] : await storePassed(db, { kioskId, passed, now: clock.now() });
  const results: BatchItemResult[] = new Array(items.length);
  for (const result of [...rejected, ...stored]) results[result.index] = result;
  log.info({ kioskId, ...outcomeCounts(results) }, 'batch received');
  return results;
}
