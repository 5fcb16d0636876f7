/**
 * The one seam between the platform and its storage. SQL is written once, in the
 * PostgreSQL dialect with `$n` placeholders; the SQLite adapter rewrites the placeholders.
 * Integers are returned as JS numbers on both (epoch milliseconds fit easily).
 */

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | null | Uint8Array | boolean;
export type Row = Record<string, unknown>;

export interface Queryable {
  readonly dialect: Dialect;
  query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface TransactionOptions {
  /**
   * Serialises the transaction against every other one that writes status events, so that
   * the feed's sequence numbers become visible in order and a cursor never skips one.
   */
  feedWriter?: boolean;
}

export interface Database extends Queryable {
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseUrlError extends Error {
  constructor(url: string) {
    super(
      `unsupported database URL ${url.replace(/\/\/[^@]*@/, '//***@')}: use sqlite:FILE or postgres://…`,
    );
    this.name = 'DatabaseUrlError';
  }
}
