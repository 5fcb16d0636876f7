/**
 * Drain throughput and memory: N applications (one sealed 50 KB image each) queued while the
 * platform is unreachable, then the link comes back and the queue drains. The same volume,
 * sealed the same way (encryption on in both), is replicated from a local PouchDB to
 * pouchdb-server (LevelDB on disk) in the same run, for comparison.
 *   npm run bench:sync -- [--apps 2000] [--runs 3] [--kb 50] [--kiosk chromium|node]
 *                         [--runtime worker|inline] [--pouchdb-adapter idb|indexeddb]
 *                         [--profile <file>] [--trace <file>]
 *
 * The kiosk side runs, by default, where the kiosk runs: in Debian's Chromium, a browser per
 * side with a profile on disk, so both queues are in IndexedDB on disk. Budayang's page
 * submits through createKioskSync (Dexie outbox, WebCrypto sealing) and its sync engine
 * drains from its Web Worker (`--runtime inline`: on the page's main thread); PouchDB's page
 * stores each sealed application in PouchDB's browser build ('idb' adapter unless told) and
 * replicates on its main thread. Both drains are timed in the page.
 * - The browsers are driven over Chromium's DevTools pipe (bench/chromium-pipe.ts), not by
 *   Playwright, and the Network domain is never enabled: Playwright enables it in every page
 *   and worker, and Chromium then copies each request's body into a DevTools event, in the
 *   browser process (in proportion to the bytes uploaded) and in the renderer's fetch, which a
 *   kiosk with no DevTools attached never pays and which burdened both sides alike.
 * - Peak heap: the renderer's JS heap, the page's peak plus its worker's, each the larger of
 *   Runtime.getHeapUsage samples (every 20 ms or so, when the thread is between tasks) and
 *   V8's heap size before each collection in a trace (bench/sync-drain-renderer-memory.ts);
 *   measured from a full GC once the queue is in. ArrayBuffer and Blob contents are outside
 *   it. Also given: the heap at the start, and after the drain and a full GC (what stays).
 * - Peak RSS: the largest renderer process's. CPU: what the drain took in every process of
 *   the side's browser and in its server (/proc), per application: steadier than wall time
 *   on a machine others are loading.
 * - Purge (Budayang): the engine deletes the delivered images from IndexedDB once it has
 *   delivered; the time from the last acknowledgement until none is left, and its CPU, are
 *   printed apart. PouchDB's replication deletes nothing, so neither side's drain counts it.
 * `--kiosk node` is the older variant: each side in Node, fake-indexeddb and PouchDB's memory
 * adapter, V8's heapUsed of the process.
 *
 * Each side runs in a process of its own (with its own browser), so one side's heap never
 * counts for the other; the servers (reference platform on SQLite, pouchdb-server) run in
 * processes of their own too. Prints per-run lines, medians over the runs and, as its last
 * line, JSON; never fails on time.
 *
 * Diagnostics (Chromium only; they burden the figures of the runs they are on, the files are
 * the last run's, with the side's name put before the extension):
 *   --profile drain.cpuprofile  a V8 CPU profile of the thread that drains (the worker, or
 *                               the page), the bundles unminified so that it names functions;
 *   --trace drain.json          a Chromium trace of the drain, categories toplevel and
 *                               IndexedDB besides V8's GC events.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    apps: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    kb: { type: 'string', default: '50' },
    kiosk: { type: 'string', default: 'chromium' },
    runtime: { type: 'string', default: 'worker' },
    'pouchdb-adapter': { type: 'string', default: 'idb' },
    side: { type: 'string' },
    profile: { type: 'string' },
    trace: { type: 'string' },
  },
});

export interface SideOptions {
  apps: number;
  kb: number;
  /** Where Budayang's sync engine runs in Chromium. */
  runtime: 'worker' | 'inline';
  /** PouchDB's adapter in Chromium. */
  pouchdbAdapter: 'idb' | 'indexeddb';
  /** Chromium only: where to write a CPU profile of the thread that drains. */
  profile?: string;
  /** Chromium only: where to write a trace of the drain. */
  trace?: string;
}

export interface SideResult {
  side: 'budayang' | 'pouchdb';
  kiosk: 'chromium' | 'node';
  /** Where the side's replication ran (and on what, for PouchDB). */
  runtime: string;
  apps: number;
  drainMs: number;
  appsPerSec: number;
  peakHeapMB: number;
  /** Chromium only: the heap when the drain started (after a full GC). */
  startHeapMB?: number;
  /** Chromium only: the page's and the workers' heaps on their own. */
  peakPageHeapMB?: number;
  peakWorkerHeapMB?: number;
  peakRssMB: number;
  /**
   * Chromium only: CPU time the drain took in the side's browser (every process of it) and
   * in its server, in ms; steadier than wall time on a loaded machine.
   */
  kioskCpuMs?: number;
  /** The same, per kind of Chromium process (browser, renderer, gpu-process, utility). */
  kioskCpuMsByType?: Record<string, number>;
  serverCpuMs?: number;
  /**
   * Budayang in Chromium only: from the last acknowledgement until the delivered images were
   * deleted from IndexedDB, and the kiosk's CPU in that time. The engine purges after it has
   * delivered; PouchDB's replication deletes nothing, so neither side's drain figures count it.
   */
  purgeMs?: number;
  purgeCpuMs?: number;
  /** Chromium only: the heap after the drain and a full GC, what the kiosk holds on to. */
  retainedHeapMB?: number;
  /** Chromium only: heap samples answered, and V8 collections traced, during the drain. */
  heapSamples?: number;
  gcEvents?: number;
  majorGcEvents?: number;
  lost: number;
  duplicates: number;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
}

const options: SideOptions = {
  apps: Number(values.apps),
  kb: Number(values.kb),
  runtime: oneOf('runtime', values.runtime, ['worker', 'inline']),
  pouchdbAdapter: oneOf('pouchdb-adapter', values['pouchdb-adapter'], ['idb', 'indexeddb']),
  profile: values.profile,
  trace: values.trace,
};
const kiosk = oneOf('kiosk', values.kiosk, ['chromium', 'node']);

if (values.side === 'budayang' || values.side === 'pouchdb') {
  const { runSide } = (await import(`./sync-drain-${values.side}-${kiosk}`)) as {
    runSide(options: SideOptions): Promise<SideResult>;
  };
  console.log(JSON.stringify(await runSide(options)));
  process.exit(0);
}

/** `drain.json` → `drain.budayang.json`: each side writes a diagnostic file of its own. */
function sideFile(file: string, side: string): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${side}${ext}`;
}

function runChild(side: 'budayang' | 'pouchdb'): Promise<SideResult> {
  const diagnostics = (['profile', 'trace'] as const).flatMap((flag) =>
    options[flag] === undefined ? [] : [`--${flag}`, sideFile(options[flag], side)],
  );
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        import.meta.filename,
        '--side',
        side,
        '--kiosk',
        kiosk,
        '--apps',
        String(options.apps),
        '--kb',
        String(options.kb),
        '--runtime',
        options.runtime,
        '--pouchdb-adapter',
        options.pouchdbAdapter,
        ...diagnostics,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${side} side exited ${code}: ${last}`));
      resolve(JSON.parse(last) as SideResult);
    });
  });
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

const { apps, kb } = options;
const runs = Number(values.runs);
const ours: SideResult[] = [];
const pouch: SideResult[] = [];
console.log(
  `sync drain: ${apps} applications × one sealed ${kb} KB image, queued offline, then drained; ${runs} runs`,
);
console.log(
  kiosk === 'chromium'
    ? `kiosk side in Chromium (IndexedDB on disk): Budayang's engine ${options.runtime === 'worker' ? 'in its Web Worker' : 'inline on the page'}, PouchDB '${options.pouchdbAdapter}' adapter; heap = renderer JS heap (page + workers)`
    : 'kiosk side in Node (fake-indexeddb / PouchDB memory adapter), not Chromium',
);
for (let run = 1; run <= runs; run++) {
  const a = await runChild('budayang');
  const b = await runChild('pouchdb');
  ours.push(a);
  pouch.push(b);
  for (const r of [a, b]) {
    const split =
      r.peakWorkerHeapMB !== undefined && r.peakWorkerHeapMB > 0
        ? ` (page ${round(r.peakPageHeapMB ?? 0)} + worker ${round(r.peakWorkerHeapMB)})`
        : '';
    const start =
      r.startHeapMB === undefined
        ? ''
        : ` from ${round(r.startHeapMB)} MB, ${round(r.retainedHeapMB ?? 0)} MB after it and a GC`;
    const samples =
      r.heapSamples === undefined
        ? ''
        : ` [${r.heapSamples} samples, ${r.gcEvents} GCs of which ${r.majorGcEvents} full]`;
    const cpu =
      r.kioskCpuMs === undefined
        ? ''
        : `; CPU ${round(r.kioskCpuMs / 1000)} s browser (${Object.entries(r.kioskCpuMsByType ?? {})
            .filter(([, ms]) => ms > 0)
            .map(([type, ms]) => `${type} ${round(ms / 1000)}`)
            .join(', ')}) + ${round((r.serverCpuMs ?? 0) / 1000)} s server`;
    const purge =
      r.purgeMs === undefined
        ? ''
        : `; then purged the delivered images in ${r.purgeMs} ms (CPU ${round((r.purgeCpuMs ?? 0) / 1000)} s)`;
    console.log(
      `  run ${run} ${r.side.padEnd(8)} ${round(r.appsPerSec)} apps/s (${r.drainMs} ms), peak heap ${round(r.peakHeapMB)} MB${split}${start}${samples}, peak RSS ${round(r.peakRssMB)} MB, lost ${r.lost}, duplicates ${r.duplicates}${cpu}${purge}`,
    );
  }
}
const perApp = (ms: number | undefined, r: SideResult) =>
  Math.round(((ms ?? 0) / r.apps) * 100) / 100;
const cpuPerApp = (results: SideResult[]) => ({
  browser: median(results.map((r) => perApp(r.kioskCpuMs, r))),
  server: median(results.map((r) => perApp(r.serverCpuMs, r))),
});
const ourCpu = cpuPerApp(ours);
const pouchCpu = cpuPerApp(pouch);
const summary = {
  apps,
  runs,
  kb,
  kiosk: kiosk === 'chromium' ? 'chromium' : 'node+fake-indexeddb',
  runtime: ours[0]?.runtime,
  appsPerSec: round(median(ours.map((r) => r.appsPerSec))),
  peakHeapMB: round(median(ours.map((r) => r.peakHeapMB))),
  ...(kiosk === 'chromium'
    ? {
        startHeapMB: round(median(ours.map((r) => r.startHeapMB ?? 0))),
        retainedHeapMB: round(median(ours.map((r) => r.retainedHeapMB ?? 0))),
        peakPageHeapMB: round(median(ours.map((r) => r.peakPageHeapMB ?? 0))),
        peakWorkerHeapMB: round(median(ours.map((r) => r.peakWorkerHeapMB ?? 0))),
        browserCpuMsPerApp: ourCpu.browser,
        serverCpuMsPerApp: ourCpu.server,
        purgeMs: median(ours.map((r) => r.purgeMs ?? 0)),
      }
    : {}),
  peakRssMB: round(median(ours.map((r) => r.peakRssMB))),
  lost: Math.max(...ours.map((r) => r.lost)),
  duplicates: Math.max(...ours.map((r) => r.duplicates)),
  pouchdbRuntime: pouch[0]?.runtime,
  pouchdbAppsPerSec: round(median(pouch.map((r) => r.appsPerSec))),
  pouchdbPeakHeapMB: round(median(pouch.map((r) => r.peakHeapMB))),
  ...(kiosk === 'chromium'
    ? {
        pouchdbStartHeapMB: round(median(pouch.map((r) => r.startHeapMB ?? 0))),
        pouchdbRetainedHeapMB: round(median(pouch.map((r) => r.retainedHeapMB ?? 0))),
        pouchdbBrowserCpuMsPerApp: pouchCpu.browser,
        pouchdbServerCpuMsPerApp: pouchCpu.server,
      }
    : {}),
  pouchdbPeakRssMB: round(median(pouch.map((r) => r.peakRssMB))),
  pouchdbLost: Math.max(...pouch.map((r) => r.lost)),
  throughputRatio: 0,
};
summary.throughputRatio = round(summary.appsPerSec / summary.pouchdbAppsPerSec);
console.log(
  `median: Budayang ${summary.appsPerSec} apps/s, peak heap ${summary.peakHeapMB} MB; PouchDB ${summary.pouchdbAppsPerSec} apps/s, peak heap ${summary.pouchdbPeakHeapMB} MB; throughput ratio ${summary.throughputRatio}×`,
);
if (kiosk === 'chromium')
  console.log(
    `CPU per application: Budayang ${ourCpu.browser} ms in the browser + ${ourCpu.server} ms in the platform; PouchDB ${pouchCpu.browser} ms + ${pouchCpu.server} ms in pouchdb-server`,
  );
console.log(JSON.stringify(summary));
