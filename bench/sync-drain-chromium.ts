import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { CdpClient } from './cdp-client';
import { launchChromiumOverPipe } from './chromium-pipe';

/**
 * A Chromium of its own for one side of bench/sync-drain.ts, as the kiosk runs it in web
 * mode: Debian's Chromium with the benchmarks' flags and a profile on disk (so IndexedDB is
 * on disk), showing one page from loopback (IndexedDB needs an origin) that loads `entry`
 * bundled with esbuild (minified, as the production build is). Served beside it: further
 * bundles (`workers`, each at the path its importer names it by) and files as they are
 * (`scripts`, loaded by classic script tags before the entry).
 *
 * The browser is driven over its DevTools pipe (bench/chromium-pipe.ts), not by Playwright,
 * which enables the Network domain in every page and worker: Chromium then turns each
 * request's body into a DevTools event on the browser process's main thread, time a kiosk,
 * with no DevTools attached, never spends. Only Target,
 * Page.navigate and Runtime.evaluate are used here.
 */
export interface DrainPageOptions {
  entry: string;
  /** Served path → source entry, bundled as an ES module worker. */
  workers?: Record<string, string>;
  /** Served path → file, sent as is and loaded with a classic script tag. */
  scripts?: Record<string, string>;
  /** False to keep names in the bundles, for a CPU profile that names functions. */
  minify?: boolean;
}

export interface DrainPage {
  cdp: CdpClient;
  /** The page's flattened session. */
  session: string;
  /** Sessions of the page's dedicated workers, auto-attached, as they come and go. */
  workers: ReadonlySet<string>;
  /** The page's address on loopback; the page is blank until loadDrainPage goes there. */
  url: string;
  /** The profile directory, by which the browser's processes are told from others'. */
  profile: string;
  close(): Promise<void>;
}

async function bundle(entry: string, minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    // The heap holds the scripts' source too: minified, as the kiosk's build ships them.
    minify,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

export async function openDrainPage(options: DrainPageOptions): Promise<DrainPage> {
  const minify = options.minify ?? true;
  const served = new Map<string, string>([['/bench.js', await bundle(options.entry, minify)]]);
  for (const [at, entry] of Object.entries(options.workers ?? {}))
    served.set(at, await bundle(entry, minify));
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
  let browser: Awaited<ReturnType<typeof launchChromiumOverPipe>> | undefined;
  const close = async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    browser = await launchChromiumOverPipe([
      `--user-data-dir=${profile}`,
      // The kiosk's portrait screen, as the page was shown before.
      '--window-size=1080,1920',
      '--no-startup-window',
    ]);
    const { cdp } = browser;
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
    });
    const { sessionId: session } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const workers = new Set<string>();
    cdp.on<{ sessionId: string; targetInfo: { type: string } }>(
      'Target.attachedToTarget',
      (event, parent) => {
        if (parent === session && event.targetInfo.type === 'worker') workers.add(event.sessionId);
      },
    );
    cdp.on<{ sessionId: string }>('Target.detachedFromTarget', (event) =>
      workers.delete(event.sessionId),
    );
    await cdp.send(
      'Target.setAutoAttach',
      { autoAttach: true, waitForDebuggerOnStart: false, flatten: true },
      session,
    );
    return { cdp, session, workers, url: `http://127.0.0.1:${address.port}/`, profile, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Evaluates `expression` on the page, awaits it if it is a promise and gives its value
 * (JSON-like, as returnByValue copies it); an exception in the page is thrown here.
 */
export async function evaluateOnPage<T>(drain: DrainPage, expression: string): Promise<T> {
  const { result, exceptionDetails } = await drain.cdp.send<{
    result: { value?: unknown };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, drain.session);
  if (exceptionDetails)
    throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

type Methods<B> = {
  [K in keyof B]: B[K] extends (...args: never[]) => unknown ? K : never;
}[keyof B];
type Args<F> = F extends (...args: infer A) => unknown ? A : never;
type Resolved<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/** Calls a method of the page's global object, typed as the page declares it. */
export type PageCall<B> = <K extends Methods<B> & string>(
  method: K,
  ...args: Args<B[K]>
) => Promise<Resolved<B[K]>>;

/**
 * Calls `global.method(...args)` on the page, the arguments written into the expression as
 * JSON (they are small), and gives what it resolves to.
 */
export function pageCall<B>(drain: DrainPage, global: string): PageCall<B> {
  return (method, ...args) => {
    const list = args.map((arg) => JSON.stringify(arg) ?? 'undefined').join(', ');
    return evaluateOnPage(drain, `globalThis[${JSON.stringify(global)}].${method}(${list})`);
  };
}

/** Goes to the page and waits for its entry to have set `global`. */
export async function loadDrainPage(drain: DrainPage, global: string): Promise<void> {
  await drain.cdp.send('Page.navigate', { url: drain.url }, drain.session);
  const defined = `new Promise((resolve) => {
    const check = () => (${JSON.stringify(global)} in globalThis ? resolve(true) : setTimeout(check, 20));
    check();
  })`;
  // Page.navigate answers once the new document is committed; an evaluation that still
  // meets the old one is cut off with it, and is asked again.
  for (let attempt = 1; ; attempt++)
    try {
      await evaluateOnPage(drain, defined);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
}
