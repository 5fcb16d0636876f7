import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { BENCH_CHROMIUM_ARGS, BENCH_CHROMIUM_PATH } from './bench-browser';

/**
 * A Chromium of its own for one side of bench/sync-drain.ts, as the kiosk runs it in web
 * mode: Debian's Chromium with the benchmarks' flags and a profile on disk (a persistent
 * context: Playwright's ordinary contexts are off the record, with IndexedDB in memory),
 * showing one page from loopback (IndexedDB needs an origin) that loads `entry` bundled with
 * esbuild (minified, as the production build is). Served beside it: further bundles
 * (`workers`, each at the path its importer names it by) and files as they are (`scripts`,
 * loaded by classic script tags before the entry).
 */
export interface DrainPageOptions {
  entry: string;
  /** Served path → source entry, bundled as an ES module worker. */
  workers?: Record<string, string>;
  /** Served path → file, sent as is and loaded with a classic script tag. */
  scripts?: Record<string, string>;
}

export interface DrainPage {
  page: Page;
  /** The page's address on loopback; the page is blank until loadDrainPage goes there. */
  url: string;
  /** The profile directory, by which the browser's processes are told from others'. */
  profile: string;
  context: BrowserContext;
  close(): Promise<void>;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    // The heap holds the scripts' source too: minified, as the kiosk's build ships them.
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

export async function openDrainPage(options: DrainPageOptions): Promise<DrainPage> {
  const served = new Map<string, string>([['/bench.js', await bundle(options.entry)]]);
  for (const [at, entry] of Object.entries(options.workers ?? {}))
    served.set(at, await bundle(entry));
  for (const [at, file] of Object.entries(options.scripts ?? {}))
    served.set(at, readFileSync(file, 'utf8'));
  const tags = Object.keys(options.scripts ?? {})
    .map((at) => `<script src="${at}"></script>`)
    .join('');
  const html = `<!doctype html><meta charset="utf-8">${tags}<script type="module" src="/bench.js"></script>`;

  const server = createServer((request, response) => {
    const script = served.get(new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(200, {
      'content-type': script === undefined ? 'text/html; charset=utf-8' : 'text/javascript',
    });
    response.end(script ?? html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');

  const profile = mkdtempSync(path.join(os.tmpdir(), 'budayang-drain-chromium-'));
  const close = async () => {
    await context?.close().catch(() => {});
    await new Promise((resolve) => server.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  };
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: BENCH_CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1080, height: 1920 },
      args: BENCH_CHROMIUM_ARGS,
    });
    // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in
    // calls to a `__name` helper that exists only in Node; the page gets a stand-in.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = context.pages()[0] ?? (await context.newPage());
    return { page, context, url: `http://127.0.0.1:${address.port}/`, profile, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Goes to the page and waits for its entry to have set `global`. */
export async function loadDrainPage(drain: DrainPage, global: string): Promise<void> {
  const { page } = drain;
  await page.goto(drain.url);
  await page.waitForFunction((name) => name in globalThis, global);
}
