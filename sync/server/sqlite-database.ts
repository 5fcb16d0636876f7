import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Queryable, Row, SqlValue } from './database';
import { GroupSync } from './group-sync';
import { WalCheckpointer } from './wal-checkpointer';

/**
 * better-sqlite3 is synchronous and has one connection, so a transaction that awaits would
 * let other requests' statements slip into it. Every statement therefore goes through one
 * queue, and a transaction holds the queue until it commits.
 *
 * Durability: a kiosk deletes an application once the platform acknowledged it, so an
 * acknowledged write must survive power loss, not only a crash of the process. WAL with
 * `synchronous = NORMAL` survives a process crash but can lose the last commits when the
 * machine loses power; `synchronous = FULL` would fsync inside COMMIT, blocking the event
 * loop for every write. Instead the connection commits with NORMAL and every write is
 * answered only after an fdatasync of the WAL file, which runs on libuv's thread pool and is
 * shared by all writes that committed before it started (group commit): the guarantee of
 * FULL, without stalling other requests. Checkpoints still sync under NORMAL, and run on
 * their own thread (`wal-checkpointer.ts`).
 */

const STATEMENT_CACHE_SIZE = 256;

function sqliteValue(value: SqlValue | undefined): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value;
}

/** A `$n` statement prepared once: `order[i]` is the parameter index behind the i-th `?`. */
interface Prepared {
  statement: BetterSqlite3.Statement;
  order: number[];
}

class SqliteQueryable implements Queryable {
  readonly dialect = 'sqlite' as const;
  // Preparing costs more than running a small statement; the intake's multi-row statements
  // come in a few shapes (one per batch size), so a small LRU keeps every hot one.
  private readonly prepared = new Map<string, Prepared>();

  constructor(protected readonly db: BetterSqlite3.Database) {}

  private prepare(sql: string): Prepared {
    const hit = this.prepared.get(sql);
    if (hit !== undefined) {
      this.prepared.delete(sql);
      this.prepared.set(sql, hit);
      return hit;
    }
    const order: number[] = [];
    const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
      order.push(Number(n) - 1);
      return '?';
    });
    const made = { statement: this.db.prepare(text), order };
    this.prepared.set(sql, made);
    if (this.prepared.size > STATEMENT_CACHE_SIZE)
      this.prepared.delete(this.prepared.keys().next().value!);
    return made;
  }

  private bind(sql: string, params: readonly SqlValue[]): [BetterSqlite3.Statement, unknown[]] {
    const { statement, order } = this.prepare(sql);
    return [statement, order.map((i) => sqliteValue(params[i]))];
  }

  async query<T extends object = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const [statement, values] = this.bind(sql, params);
    if (!statement.reader) {
      statement.run(...values);
      return [];
    }
    return statement.all(...values) as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const [statement, values] = this.bind(sql, params);
    return statement.run(...values).changes;
  }
}

export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly db: BetterSqlite3.Database;
  private readonly inner: SqliteQueryable;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly durable: GroupSync | undefined;
  private wal: FileHandle | undefined;
  private readonly checkpointer: WalCheckpointer | undefined;

  constructor(private readonly file: string) {
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.inner = new SqliteQueryable(this.db);
    if (file !== ':memory:') {
      this.durable = new GroupSync(() => this.syncWal());
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpointer = new WalCheckpointer(file);
    }
  }

  private async syncWal(): Promise<void> {
    if (this.wal === undefined) {
      // The WAL file's directory entry must be durable too: synced once, when first opened.
      const directory = await open(dirname(this.file), 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
      this.wal = await open(`${this.file}-wal`, 'r');
    }
    await this.wal.datasync();
  }

  /** Resolves once every write committed so far is on disk. */
  private async settled<T>(result: T): Promise<T> {
    await this.durable?.request();
    return result;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.enqueue(() => this.inner.query<T>(sql, params));
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    const changed = await this.enqueue(() => this.inner.run(sql, params));
    return changed > 0 ? this.settled(changed) : changed;
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const result = await this.enqueue(async () => {
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
    return this.settled(result);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.durable?.request();
    await this.checkpointer?.close();
    await this.wal?.close();
    this.db.close();
  }
}
