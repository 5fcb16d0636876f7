import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { freePort } from '../../cli/free-port';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';

// One real kiosk per test file, as `budayang start --web --headless` runs it: the local
// platform on its SQLite file, the device host with simulated devices, the built page.

const root = join(import.meta.dirname, '..', '..');

export interface RunningKiosk {
  url: string;
  platformUrl: string;
  simulatorUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** Between the kiosk and its platform: `network.offline()` cuts the link, `online()` restores it. */
  network: FaultProxy;
  sim(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startKiosk(): Promise<RunningKiosk> {
  const dataDir = await mkdtemp(join(tmpdir(), 'budayang-e2e-'));
  const platformPort = await freePort();
  const network = await startFaultProxy({ targetPort: platformPort });
  const args = [
    'cli/budayang.mjs',
    'start',
    '--web',
    '--headless',
    '--port',
    '0',
    '--data',
    dataDir,
  ];
  args.push('--demo-platform-port', String(platformPort));
  args.push('--platform-url', `http://127.0.0.1:${network.port}`);
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const lines = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`kiosk did not start in time:\n${output}`)),
      90_000,
    );
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      if (/Kiosk ready at/.test(output) && /Simulator control at/.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited with ${code}:\n${output}`));
    });
  });
  const url = /Kiosk ready at (\S+)/.exec(lines)![1]!;
  const platformUrl = `http://127.0.0.1:${platformPort}`;
  const simulatorUrl = /Simulator control at (\S+)/.exec(lines)![1]!;
  return {
    url,
    platformUrl,
    simulatorUrl,
    dataDir,
    process: child,
    network,
    async sim(method, path, body) {
      const send = () =>
        fetch(new URL(path.replace(/^\//, ''), simulatorUrl), {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      // The simulators live in the device host: after a test killed it, the supervisor brings
      // it back on the same port within seconds, and a refused connection means "not yet".
      let response: Response | undefined;
      for (let tries = 0; response === undefined; tries++) {
        try {
          response = await send();
        } catch (error) {
          if (tries >= 120) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
      const json: unknown = await response.json();
      if (!response.ok) throw new Error(`simulator ${method} ${path}: ${JSON.stringify(json)}`);
      return json;
    },
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      await network.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Every test opens a new browser profile, so a new IndexedDB: a kiosk that must enrol again.
 * Enrolment codes are single-use, so each test gets a fresh one, as an operator would issue.
 */
export async function issueEnrolmentCode(kiosk: RunningKiosk): Promise<void> {
  const db = `sqlite:${join(kiosk.dataDir, 'platform', 'platform.db')}`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['cli/budayang.mjs', 'platform', 'enroll-code', '--db', db],
    { cwd: root, timeout: 30_000 },
  );
  await writeFile(join(kiosk.dataDir, 'enrolment-code'), stdout.trim(), { mode: 0o600 });
}

export const test = base.extend<{ enrolment: void }, { kiosk: RunningKiosk }>({
  enrolment: [
    async ({ kiosk }, use) => {
      await issueEnrolmentCode(kiosk);
      await use();
    },
    { auto: true },
  ],
  kiosk: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const kiosk = await startKiosk();
      await use(kiosk);
      await kiosk.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect } from '@playwright/test';
