// Two linked pseudo-terminals from socat, standing in for a serial cable: a driver opens one
// end, a simulated device the other. `unplug` makes both ends vanish the way a USB adapter
// does (reads fail, the paths disappear) and `replug` brings them back on the same paths,
// like a stable /dev/serial/by-id link after the adapter is plugged in again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** Path of one end (a symlink to /dev/pts/N). */
  readonly a: string;
  /** Path of the other end. */
  readonly b: string;
  /** Both ends disappear: open ports see a read error, the links are removed. */
  unplug(): Promise<void>;
  /** New ptys on the same link paths. */
  replug(): Promise<void>;
  /** Ends socat and removes the temp dir; safe to call twice. */
  close(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test that fails or a run that is interrupted must not leave socat behind.
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startSocat(a: string, b: string, timeoutMs: number): Promise<ChildProcess> {
  const child = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  live.add(child);
  child.once('exit', () => live.delete(child));

  let log = '';
  let transferring = false;
  let exited: string | undefined;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    // Only the start-up lines matter; keep the buffer from growing while tests run.
    if (log.length < 4096) log += text;
    if (log.includes('starting data transfer loop')) transferring = true;
  });
  child.once('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  child.once('error', (error) => (exited = error.message));

  const deadline = Date.now() + timeoutMs;
  while (!(transferring && existsSync(a) && existsSync(b))) {
    if (exited !== undefined) throw new Error(`socat failed (${exited}): ${log.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`socat did not create ${a} and ${b} in ${timeoutMs} ms: ${log.trim()}`);
    }
    await sleep(5);
  }
  return child;
}

async function stopSocat(child: ChildProcess, paths: string[]): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }
  // socat removes its links as it exits; wait for that so a replug cannot race it.
  const deadline = Date.now() + 2000;
  while (paths.some((path) => existsSync(path)) && Date.now() < deadline) await sleep(5);
  for (const path of paths) rmSync(path, { force: true });
}

export async function createPtyPair(options: { timeoutMs?: number } = {}): Promise<PtyPair> {
  installExitHook();
  const timeoutMs = options.timeoutMs ?? 5000;
  const dir = mkdtempSync(join(tmpdir(), 'budayang-pty-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  let child: ChildProcess | undefined = await startSocat(a, b, timeoutMs);
  let closed = false;

  return {
    a,
    b,
    async unplug() {
      if (!child) return;
      const current = child;
      child = undefined;
      await stopSocat(current, [a, b]);
    },
    async replug() {
      if (closed) throw new Error('pty pair is closed');
      if (child) return;
      child = await startSocat(a, b, timeoutMs);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (child) await stopSocat(child, [a, b]);
      child = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
