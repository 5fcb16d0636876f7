/**
 * Placeholders for statements whose length depends on the data: SQL is written in the
 * PostgreSQL dialect (`$n`), which the SQLite adapter rewrites (database.ts).
 */

/** `$from+1, …, $from+count`: a list of `count` parameters that follows `from` others. */
export function parameterList(count: number, from = 0): string {
  return Array.from({ length: count }, (_, i) => `$${from + i + 1}`).join(', ');
}

/** `($1, $2), ($3, $4)`: the rows of a multi-row VALUES clause. */
export function valuesRows(rows: number, columns: number): string {
  return Array.from({ length: rows }, (_, r) => `(${parameterList(columns, r * columns)})`).join(
    ', ',
  );
}
