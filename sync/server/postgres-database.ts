import pg from 'pg';
import type { Database, Queryable, Row, SqlValue, TransactionOptions } from './database';

const INT8 = 20;
const NUMERIC = 1700;

/** Returns bigint columns as numbers: every one here is a count, an offset or epoch milliseconds. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Any constant works: it only has to be the same for every writer of status events. */
const FEED_LOCK = 4_242_001;

function convert(params: readonly SqlValue[]): unknown[] {
  return params.map((v) =>
    v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v,
  );
}

class PgQueryable implements Queryable {
  readonly dialect = 'postgres' as const;
  constructor(private readonly client: pg.Pool | pg.PoolClient) {}

  async query<T extends object = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.client.query(sql, convert(params))).rows as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.client.query(sql, convert(params))).rowCount ?? 0;
  }
}

export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly direct: PgQueryable;

  constructor(url: string, poolSize = 10) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize, types });
    // An idle client's network error must not crash the platform; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.direct = new PgQueryable(this.pool);
  }

  query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.direct.query<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.direct.run(sql, params);
  }

  async transaction<T>(
    work: (tx: Queryable) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      // One round trip for both: the lock is held until COMMIT, so every one saved inside it
      // shortens the queue of writers behind it.
      await client.query(
        options.feedWriter ? `BEGIN; SELECT pg_advisory_xact_lock(${FEED_LOCK})` : 'BEGIN',
      );
      const result = await work(new PgQueryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
