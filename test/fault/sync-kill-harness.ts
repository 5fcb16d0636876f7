import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy';

/**
 * End-to-end exactly-once under real kills: the kiosk's sync code in Debian's Chromium
 * (IndexedDB on disk, the sync engine in a Web Worker), a real platform on a real SQLite
 * file, a misbehaving TCP proxy between them, and SIGKILL at random points, of the whole
 * browser or of the renderer that hosts the page and its worker.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface PlatformHandle {
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  enrolmentCode(): Promise<string>;
  /** Every application the platform holds, with the harness's marker read from its opened form. */
  applications(): Promise<PlatformApplication[]>;
}

export interface PlatformApplication {
  id: string;
  marker: string | undefined;
  /** The envelope and every declared attachment are on the platform. */
  complete: boolean;
}

export interface KillRunResult {
  submitted: number;
  onPlatform: number;
  lost: number;
  duplicates: number;
  kills: number;
  /** SIGKILLs of the platform process (not counted in `kills`, which are the kiosk's). */
  platformKills: number;
  unconfirmedDelivered: number;
  /** Entries the kiosk set aside; none is expected here, every submission is valid. */
  quarantined: number;
  /** Why each lost application is lost: where it is on the platform and on the kiosk. */
  lostDetail: string[];
  faults: Record<Fault, number>;
}

/** Builds kiosk-sync and its worker as an ES library the test page imports. */
export async function buildSyncBundle(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      minify: false,
      lib: {
        entry: path.join(ROOT, 'sync/client/service/kiosk-sync.ts'),
        formats: ['es'],
        fileName: 'kiosk-sync',
      },
    },
  });
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>sync harness</title>
<script type="module">
import { createKioskSync } from './kiosk-sync.js';
const params = new URLSearchParams(location.search);
const code = params.get('code') || undefined;
const sync = createKioskSync({ platformUrl: location.origin, enrolmentCode: code, dbName: 'budayang-fault' });
const image = (seed) => new Blob([new Uint8Array(20000).map((_, i) => (i * 31 + seed) & 255)], { type: 'image/jpeg' });
window.harness = {
  ready: sync.ready().then(() => true),
  async submit(marker) {
    const form = JSON.parse(params.get('form'));
    // The marker makes a submission recognisable on the platform whatever envelope id it got.
    form.address = form.address + ' #' + marker;
    const result = await sync.submitApplication({
      serviceCode: params.get('service'),
      serviceName: 'test',
      form,
      identity: { name: '测试' },
      idNumber: '11010519491231002X',
      materials: params.get('materials').split(',').map((materialId, i) => ({ materialId, name: materialId, blob: image(marker + i) })),
      missing: [],
    });
    return result.envelopeId;
  },
  status: () => sync.status(),
  syncNow: () => sync.syncNow(),
  async entries(ids) {
    const rows = await sync.db.outbox.bulkGet(ids);
    return rows.map((row, i) => row ? { id: ids[i], state: row.state, attempts: row.attempts, lastError: row.lastError ?? null } : { id: ids[i], state: 'absent' });
  },
};
</script>`;

/** Serves the page and its bundle, and forwards the platform's paths through the fault proxy. */
export async function startPageServer(
  bundleDir: string,
  upstreamPort: () => number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/v1/')) {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: upstreamPort(),
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent: false,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('error', () => res.socket?.destroy());
          answer.on('aborted', () => res.socket?.destroy());
        },
      );
      // The proxy's faults must reach the browser as faults, not as tidy 502s.
      upstream.on('error', () => res.socket?.destroy());
      req.pipe(upstream);
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return;
    }
    const file = path.join(bundleDir, path.normalize(url.pathname).replace(/^\/+/, ''));
    if (!file.startsWith(bundleDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('page server did not bind');
  return {
    port: address.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface RunningBrowser {
  process: ChildProcess;
  browser: Browser;
  page: Page;
}

async function launchChromium(userDataDir: string, url: string): Promise<RunningBrowser> {
  const child = spawn(
    '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--no-default-browser-check',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('chromium did not start')), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', () => reject(new Error('chromium exited early')));
  });
  child.stderr?.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return { process: child, browser, page };
}

function killGroup(running: RunningBrowser): void {
  try {
    process.kill(-running.process.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kills only the renderer process that holds the page and its worker; the browser lives on. */
function killRenderer(running: RunningBrowser): boolean {
  try {
    const out = execFileSync(
      'pgrep',
      ['-g', String(running.process.pid), '-f', '--', '--type=renderer'],
      { encoding: 'utf8' },
    );
    const pids = out.split('\n').filter(Boolean).map(Number);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    return pids.length > 0;
  } catch {
    return false;
  }
}

export interface KillRunOptions {
  kills: number;
  platform: PlatformHandle;
  pageQuery: Record<string, string>;
  seed?: number;
  log?: (line: string) => void;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function rng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

export async function runKillScenario(options: KillRunOptions): Promise<KillRunResult> {
  const random = rng(options.seed ?? Date.now());
  const log = options.log ?? (() => {});
  const platform = options.platform;
  await platform.start();
  const proxy: FaultProxy = await startFaultProxy({ targetPort: platform.port, delayMs: 400 });
  const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'budayang-sync-bundle-'));
  await buildSyncBundle(bundleDir);
  const pages = await startPageServer(bundleDir, () => proxy.port);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'budayang-sync-chromium-'));
  const code = await platform.enrolmentCode();
  const query = new URLSearchParams({ ...options.pageQuery, code });
  const url = `http://127.0.0.1:${pages.port}/?${query}`;

  /** Envelope id → marker of every submission the kiosk confirmed to the citizen. */
  const confirmed = new Map<string, string>();
  let attempted = 0;
  let kills = 0;
  let platformKills = 0;
  let platformCycle: Promise<void> = Promise.resolve();
  let marker = 0;
  const faultyChooser = (): Fault => {
    const r = random();
    if (r < 0.55) return 'pass';
    if (r < 0.65) return 'delay';
    if (r < 0.75) return 'truncate';
    if (r < 0.85) return 'reset';
    if (r < 0.92) return 'refuse';
    return 'blackhole';
  };

  try {
    // Enrol once over a clean link.
    let running = await launchChromium(userDataDir, url);
    await running.page.evaluate(
      () => (window as unknown as { harness: { ready: Promise<boolean> } }).harness.ready,
    );
    for (let cycle = 0; kills < options.kills; cycle++) {
      proxy.setChooser(cycle % 5 === 4 ? () => 'refuse' : faultyChooser);
      const page = running.page;
      const submits = 1 + Math.floor(random() * 3);
      const killAfter = 50 + random() * 1_500;
      const deadline = Date.now() + killAfter;
      if (cycle % 5 === 2) {
        await platformCycle;
        // The platform too is SIGKILLed mid-drain, and comes back a little later.
        const platformKillAt = random() * killAfter;
        const downFor = 300 + random() * 1_000;
        platformKills += 1;
        platformCycle = (async () => {
          await sleep(platformKillAt);
          await platform.stop();
          await sleep(downFor);
          await platform.start();
        })().catch((error: unknown) => log(`platform restart failed: ${String(error)}`));
      }
      const work = (async () => {
        await page.evaluate(
          () => (window as unknown as { harness: { ready: Promise<boolean> } }).harness.ready,
        );
        for (let i = 0; i < submits; i++) {
          attempted += 1;
          const mark = marker++;
          const id = await page.evaluate(
            (m) =>
              (
                window as unknown as { harness: { submit(m: number): Promise<string> } }
              ).harness.submit(m),
            mark,
          );
          confirmed.set(id, String(mark));
        }
        await page.evaluate(() =>
          (window as unknown as { harness: { syncNow(): void } }).harness.syncNow(),
        );
      })().catch(() => {});
      await Promise.race([
        work,
        new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()))),
      ]);
      await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())));
      const rendererOnly = cycle % 3 === 1 && killRenderer(running);
      if (!rendererOnly) killGroup(running);
      kills += 1;
      log(
        `kill ${kills} (${rendererOnly ? 'renderer' : 'browser'}) after ${Math.round(killAfter)} ms; confirmed ${confirmed.size}/${attempted}`,
      );
      await work;
      if (rendererOnly) {
        await running.page.goto(url).catch(async () => {
          killGroup(running);
          running = await launchChromium(userDataDir, url);
        });
        if (running.page.isClosed()) running = await launchChromium(userDataDir, url);
      } else {
        await running.browser.close().catch(() => {});
        running = await launchChromium(userDataDir, url);
      }
    }

    // The link heals and the platform stays up: everything must arrive.
    proxy.online();
    await platformCycle;
    await platform.start();
    const drainedBy = Date.now() + 120_000;
    let status: { queueDepth: number; quarantined: number } | undefined;
    let unread = '';
    for (;;) {
      status = await running.page
        .evaluate(async () => {
          const h = (
            window as unknown as {
              harness: {
                ready: Promise<boolean>;
                status(): Promise<{ queueDepth: number; quarantined: number }>;
                syncNow(): void;
              };
            }
          ).harness;
          await h.ready;
          h.syncNow();
          return h.status();
        })
        .catch((error: unknown) => {
          unread = error instanceof Error ? error.message : String(error);
          return undefined;
        });
      if (status && status.queueDepth === 0) break;
      if (Date.now() > drainedBy) {
        throw new Error(`queue did not drain: ${JSON.stringify(status) ?? `unread (${unread})`}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }

    const onPlatform = await platform.applications();
    const unmarked = onPlatform.filter((a) => a.marker === undefined).length;
    if (unmarked > 0) throw new Error(`${unmarked} applications on the platform carry no marker`);
    const complete = new Set(onPlatform.filter((a) => a.complete).map((a) => a.id));
    const lostIds = [...confirmed.keys()].filter((id) => !complete.has(id));
    // Envelope ids are unique on the platform by construction; a duplicate is the same
    // submission arriving under a second id (re-sealed, re-queued), seen by its marker.
    const perMarker = new Map<string, number>();
    for (const application of onPlatform)
      if (application.marker !== undefined)
        perMarker.set(application.marker, (perMarker.get(application.marker) ?? 0) + 1);
    let duplicates = 0;
    for (const count of perMarker.values()) if (count > 1) duplicates += count - 1;
    const lostDetail = await describeLost(running.page, lostIds, onPlatform);
    killGroup(running);
    // An application the kiosk never confirmed may arrive or not; it must not arrive twice.
    return {
      submitted: confirmed.size,
      onPlatform: complete.size,
      lost: lostIds.length,
      duplicates,
      kills,
      platformKills,
      unconfirmedDelivered: [...complete].filter((id) => !confirmed.has(id)).length,
      quarantined: status.quarantined,
      lostDetail,
      faults: { ...proxy.counts },
    };
  } finally {
    await proxy.close();
    await pages.close();
    await platform.stop().catch(() => {});
  }
}

async function describeLost(
  page: Page,
  ids: string[],
  onPlatform: readonly PlatformApplication[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const kiosk = await page
    .evaluate(
      (wanted) =>
        (
          window as unknown as { harness: { entries(ids: string[]): Promise<unknown[]> } }
        ).harness.entries(wanted),
      ids,
    )
    .catch((error: unknown) => ids.map(() => `kiosk unreadable: ${String(error)}`));
  const held = new Map(onPlatform.map((a) => [a.id, a]));
  return ids.map((id, i) => {
    const platformSide = held.has(id)
      ? 'platform: envelope without every attachment'
      : 'platform: absent';
    return `${id} ${platformSide}; kiosk: ${JSON.stringify(kiosk[i])}`;
  });
}
