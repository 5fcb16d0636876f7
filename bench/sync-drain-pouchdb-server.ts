import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../cli/free-port';

/** pouchdb-server, the PouchDB side's platform, in a process of its own on LevelDB in a temp dir. */
export interface PouchdbServer {
  url: string;
  /** Its process, for its CPU time. */
  pid: number;
  /**
   * The ids of the documents `db` holds with every attachment stored (a document whose
   * attachments did not all arrive would not count as delivered on Budayang's side either).
   */
  heldIds(db: string): Promise<Set<string>>;
  stop(): Promise<void>;
}

// A page's replication reaches the server from another origin. pouchdb-server answers CORS
// by default; it is said here anyway, with the headers PouchDB's HTTP adapter sends.
const CONFIG = {
  httpd: { enable_cors: true },
  cors: {
    origins: '*',
    credentials: true,
    methods: 'GET, HEAD, POST, PUT, DELETE, COPY',
    headers: 'accept, authorization, content-type, origin, referer, x-requested-with',
  },
  log: { level: 'error' },
};

export async function startPouchdbServer(): Promise<PouchdbServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'budayang-pouchdb-server-'));
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(CONFIG));
  const port = await freePort();
  const bin = path.join(import.meta.dirname, '../node_modules/.bin/pouchdb-server');
  const child = spawn(
    bin,
    ['--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs', '--config', 'config.json'],
    { cwd: dir, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; ; tries++) {
    const up = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    if (tries > 300) {
      await stop();
      throw new Error('pouchdb-server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop,
    async heldIds(db) {
      const response = await fetch(`${url}/${db}/_all_docs?include_docs=true`);
      if (!response.ok) throw new Error(`pouchdb-server answered ${response.status}`);
      const { rows } = (await response.json()) as {
        rows: Array<{ id: string; doc?: { _attachments?: Record<string, { length?: number }> } }>;
      };
      const complete = rows.filter((row) => {
        const attachments = Object.values(row.doc?._attachments ?? {});
        return attachments.length > 0 && attachments.every((a) => (a.length ?? 0) > 0);
      });
      return new Set(complete.map((row) => row.id));
    },
  };
}
