import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseUrlError } from './database';
import type { Database } from './database';
import { PostgresDatabase } from './postgres-database';
import { SqliteDatabase } from './sqlite-database';

/** `sqlite:/path/file.db`, `sqlite::memory:` or `postgres://user@host:port/db`. */
export function openDatabase(url: string): Database {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    return new PostgresDatabase(url);
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw new DatabaseUrlError(url);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    return new SqliteDatabase(file);
  }
  throw new DatabaseUrlError(url);
}
