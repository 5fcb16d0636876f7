import { checkTransition } from '../protocol/application-status';
import type { ApplicationStatus } from '../protocol/application-status';
import type { ApplicationProgress } from '../protocol/lookup';
import type { StatusFeed, StatusFeedQuery } from '../protocol/status-feed';
import type { Clock } from './clock';
import type { Database, Queryable } from './database';
import { ProblemError } from './problem-error';
import { parameterList } from './sql-parameters';
import { isoTime } from './stored-time';

/** Application status: the operator's transitions, the kiosks' feed and progress lookup. */

interface ApplicationRow {
  id: string;
  receipt_number: string;
  service_code: string;
  status: ApplicationStatus;
  reason: string | null;
  received_at: number;
  updated_at: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class StatusLedger {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  private async progress(db: Queryable, rows: ApplicationRow[]): Promise<ApplicationProgress[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const list = parameterList(ids.length);
    const events = await db.query<{
      application_id: string;
      status: ApplicationStatus;
      reason: string | null;
      at: number;
    }>(
      `SELECT application_id, status, reason, at FROM status_events WHERE application_id IN (${list}) ORDER BY seq`,
      ids,
    );
    const missing = await db.query<{ application_id: string; n: number }>(
      `SELECT application_id, COUNT(*) AS n FROM attachments WHERE completed_at IS NULL AND application_id IN (${list}) GROUP BY application_id`,
      ids,
    );
    return rows.map((row) => ({
      applicationId: row.id,
      receiptNumber: row.receipt_number,
      serviceCode: row.service_code,
      status: row.status,
      ...(row.reason === null ? {} : { reason: row.reason }),
      submittedAt: isoTime(row.received_at),
      updatedAt: isoTime(row.updated_at),
      missingAttachments: Number(missing.find((m) => m.application_id === row.id)?.n ?? 0),
      history: events
        .filter((e) => e.application_id === row.id)
        .map((e) => ({
          status: e.status,
          ...(e.reason === null ? {} : { reason: e.reason }),
          at: isoTime(e.at),
        })),
    }));
  }

  /** By application id (envelope UUID) or receipt number. */
  async advance(ref: string, to: ApplicationStatus, reason?: string): Promise<ApplicationProgress> {
    return this.db.transaction(
      async (tx) => {
        const column = UUID.test(ref) ? 'id' : 'receipt_number';
        const rows = await tx.query<ApplicationRow>(
          `SELECT id, receipt_number, service_code, status, reason, received_at, updated_at FROM applications WHERE ${column} = $1`,
          [ref],
        );
        const row = rows[0];
        if (row === undefined)
          throw new ProblemError(
            'application-not-found',
            404,
            'no application with this id or receipt number',
          );
        const check = checkTransition(row.status, to, reason);
        if (!check.ok)
          throw new ProblemError(
            'status-transition-invalid',
            409,
            `${row.status} → ${to}: ${check.reason}`,
          );
        const now = this.clock.now();
        const why = reason?.trim() || null;
        await tx.run(
          'UPDATE applications SET status = $1, reason = $2, updated_at = $3 WHERE id = $4',
          [to, why, now, row.id],
        );
        await tx.run(
          'INSERT INTO status_events (application_id, status, reason, at) VALUES ($1, $2, $3, $4)',
          [row.id, to, why, now],
        );
        return (
          await this.progress(tx, [{ ...row, status: to, reason: why, updated_at: now }])
        )[0]!;
      },
      { feedWriter: true },
    );
  }

  async feed(kioskId: string, query: StatusFeedQuery): Promise<StatusFeed> {
    const after = Number(query.after);
    const own = query.scope === 'kiosk';
    const rows = await this.db.query<{
      seq: number;
      application_id: string;
      receipt_number: string;
      service_code: string;
      id_hash: string;
      status: ApplicationStatus;
      reason: string | null;
      at: number;
    }>(
      `SELECT e.seq, e.application_id, a.receipt_number, a.service_code, a.id_hash, e.status, e.reason, e.at
       FROM status_events e JOIN applications a ON a.id = e.application_id
       WHERE e.seq > $1 ${own ? 'AND a.kiosk_id = $3' : ''} ORDER BY e.seq LIMIT $2`,
      own ? [after, query.limit + 1, kioskId] : [after, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    return {
      updates: page.map((r) => ({
        seq: Number(r.seq),
        applicationId: r.application_id,
        receiptNumber: r.receipt_number,
        serviceCode: r.service_code,
        idHash: r.id_hash,
        status: r.status,
        ...(r.reason === null ? {} : { reason: r.reason }),
        at: isoTime(r.at),
      })),
      cursor: String(page.length > 0 ? Number(page[page.length - 1]!.seq) : after),
      hasMore: rows.length > query.limit,
    };
  }

  async lookup(by: { receiptNumber: string } | { idHash: string }): Promise<ApplicationProgress[]> {
    const [column, value] =
      'receiptNumber' in by ? ['receipt_number', by.receiptNumber] : ['id_hash', by.idHash];
    const rows = await this.db.query<ApplicationRow>(
      `SELECT id, receipt_number, service_code, status, reason, received_at, updated_at FROM applications WHERE ${column} = $1 ORDER BY received_at DESC LIMIT 50`,
      [value],
    );
    return this.progress(this.db, rows);
  }
}
