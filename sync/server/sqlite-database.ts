import BetterSqlite3 from 'better-sqlite3';
import type { Database, Queryable, Row, SqlValue } from './database';

/**
 * better-sqlite3 is synchronous and has one connection, so a transaction that awaits would
 * let other requests' statements slip into it. Every statement therefore goes through one
 * queue, and a transaction holds the queue until it commits.
 */

function rewrite(sql: string, params: readonly SqlValue[]): { sql: string; params: unknown[] } {
  const ordered: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
    const value = params[Number(n) - 1];
    ordered.push(
      typeof value === 'boolean'
        ? value
          ? 1
          : 0
        : value instanceof Uint8Array
          ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
          : value,
    );
    return '?';
  });
  return { sql: text, params: ordered };
}

class SqliteQueryable implements Queryable {
  readonly dialect = 'sqlite' as const;
  constructor(protected readonly db: BetterSqlite3.Database) {}

  protected statement(sql: string): BetterSqlite3.Statement {
    return this.db.prepare(sql);
  }

  async query<T extends object = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const r = rewrite(sql, params);
    const statement = this.statement(r.sql);
    if (!statement.reader) {
      statement.run(...r.params);
      return [];
    }
    return statement.all(...r.params) as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const r = rewrite(sql, params);
    return this.statement(r.sql).run(...r.params).changes;
  }
}

export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly db: BetterSqlite3.Database;
  private readonly inner: SqliteQueryable;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.inner = new SqliteQueryable(this.db);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.enqueue(() => this.inner.query<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.enqueue(() => this.inner.run(sql, params));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      // IMMEDIATE takes the write lock up front, so a second process on the same file waits
      // on busy_timeout instead of failing at its first write.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.inner);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
