import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../cli/free-port';
import type { PlatformApplication, PlatformHandle } from './sync-kill-harness';

const PROCESS_ENTRY = path.join(import.meta.dirname, 'sync-platform-process.ts');

/**
 * The reference platform on a real SQLite file, in a child process on a fixed port: `stop()`
 * is SIGKILL, so whatever the platform had in flight is cut where it stood, and `start()`
 * brings it back on the same file.
 */
export async function sqlitePlatformHandle(): Promise<PlatformHandle> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'budayang-platform-'));
  const file = path.join(dataDir, 'platform.sqlite');
  const port = await freePort();
  let child: ChildProcess | undefined;
  let starting: Promise<void> | undefined;

  function spawnPlatform(): Promise<void> {
    const started = spawn(
      process.execPath,
      ['--import', 'tsx', PROCESS_ENTRY, file, dataDir, String(port)],
      { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
    );
    return new Promise<void>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('the platform did not start')), 30_000);
      started.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (!text.includes('\n')) return;
        clearTimeout(timer);
        child = started;
        resolve();
      });
      started.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (child === started) child = undefined;
        reject(new Error(`the platform exited (${code ?? signal})`));
      });
    });
  }

  const handle: PlatformHandle = {
    port,
    start() {
      if (child) return Promise.resolve();
      starting ??= spawnPlatform().finally(() => (starting = undefined));
      return starting;
    },
    async stop() {
      await starting?.catch(() => {});
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    async enrolmentCode() {
      await handle.start();
      const running = child!;
      return new Promise<string>((resolve) => {
        running.once('message', (message: { code: string }) => resolve(message.code));
        running.send({ type: 'enrol' });
      });
    },
    async applications(): Promise<PlatformApplication[]> {
      const db = new Database(file, { readonly: true });
      try {
        const rows = db
          .prepare(
            `SELECT a.id AS id, a.content AS content,
               (SELECT COUNT(*) FROM attachments t WHERE t.application_id = a.id AND t.completed_at IS NULL) AS missing
             FROM applications a`,
          )
          .all() as Array<{ id: string; content: string; missing: number }>;
        return rows.map((row) => ({
          id: row.id,
          marker: markerOf(row.content),
          complete: row.missing === 0,
        }));
      } finally {
        db.close();
      }
    },
  };
  return handle;
}

/** The harness writes each submission's marker into the form's address; the platform opened it. */
function markerOf(content: string): string | undefined {
  const address = (JSON.parse(content) as { form?: { address?: unknown } }).form?.address;
  return typeof address === 'string' ? /#(\d+)$/.exec(address)?.[1] : undefined;
}

/** A demo-catalogue application (城乡居民医保参保登记) the platform's form check accepts. */
export const syncFaultPageQuery = {
  service: '000131137000',
  materials: 'signature,household-register',
  form: JSON.stringify({
    applicantName: '测试',
    applicantIdNumber: '11010519491231002X',
    phone: '13800138000',
    address: '示范区人民路 1 号',
    householdType: 'local',
    category: 'adult',
    signature: 'material:signature',
  }),
};
