import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../cli/free-port';

/**
 * A throwaway PostgreSQL server for tests and benchmarks: initdb into a temp dir, start on a
 * free loopback port with its socket in the same dir, and remove everything on stop.
 */

export const POSTGRES_BIN = process.env.BUDAYANG_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface ThrowawayPostgres {
  /** Connection URL of the database made at start. */
  url: string;
  port: number;
  /** Makes another empty database on the same server and returns its URL. */
  createDatabase(name: string): string;
  stop(): Promise<void>;
}

export class PostgresUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `PostgreSQL is needed for these tests but ${detail}. Install it (Debian: apt-get install postgresql) or set BUDAYANG_PG_BIN.`,
    );
    this.name = 'PostgresUnavailableError';
  }
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** `durable: false` (the default for tests) turns off fsync: fast, and crash-safety is not what tests measure. */
export async function startPostgres(
  options: { durable?: boolean } = {},
): Promise<ThrowawayPostgres> {
  if (!existsSync(join(POSTGRES_BIN, 'initdb')))
    throw new PostgresUnavailableError(`${POSTGRES_BIN}/initdb does not exist`);
  const asPostgres = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'budayang-pg-'));
  if (asPostgres !== undefined) chownSync(dir, asPostgres.uid, asPostgres.gid);
  const run = (binary: string, args: string[]) => {
    const command = asPostgres === undefined ? join(POSTGRES_BIN, binary) : 'runuser';
    const fullArgs =
      asPostgres === undefined
        ? args
        : ['-u', 'postgres', '--', join(POSTGRES_BIN, binary), ...args];
    const result = spawnSync(command, fullArgs, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0)
      throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=200',
  ];
  if (!options.durable)
    settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  run('pg_ctl', [
    '-D',
    data,
    '-o',
    settings.join(' '),
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  const createDatabase = (name: string) => {
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
    return `postgres://postgres@127.0.0.1:${port}/${name}`;
  };
  const url = createDatabase('budayang');
  let stopped = false;
  return {
    url,
    port,
    createDatabase,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
