/**
 * Drain throughput and memory: N applications (one sealed 50 KB image each) queued while the
 * platform is unreachable, then the link comes back and the queue drains. The same volume,
 * sealed the same way (encryption on in both), is replicated from a local PouchDB to
 * pouchdb-server (LevelDB on disk) in the same run, for comparison.
 *   npm run bench:sync -- [--apps 2000] [--runs 3] [--kb 50]
 *
 * Each side runs in a process of its own, so one side's heap never counts for the other; the
 * servers (reference platform on SQLite, pouchdb-server) run in processes of their own too.
 * The kiosk side runs in Node, not Chromium: IndexedDB is fake-indexeddb (in memory) and
 * PouchDB uses its in-memory adapter, so both queues live in the measured process's memory.
 * Heap is V8's heapUsed sampled every 10 ms during the drain (ArrayBuffer contents are outside
 * it for both sides, as in Chromium's JS heap figure). Prints medians over the runs and, as
 * its last line, JSON; never fails on time.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    apps: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    kb: { type: 'string', default: '50' },
    side: { type: 'string' },
  },
});

export interface SideResult {
  side: 'budayang' | 'pouchdb';
  apps: number;
  drainMs: number;
  appsPerSec: number;
  peakHeapMB: number;
  peakRssMB: number;
  lost: number;
  duplicates: number;
}

const apps = Number(values.apps);
const kb = Number(values.kb);

if (values.side === 'budayang' || values.side === 'pouchdb') {
  const { runSide } = await import(`./sync-drain-${values.side}`);
  const result = (await runSide({ apps, kb })) as SideResult;
  console.log(JSON.stringify(result));
  process.exit(0);
}

function runChild(side: 'budayang' | 'pouchdb'): Promise<SideResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        import.meta.filename,
        '--side',
        side,
        '--apps',
        String(apps),
        '--kb',
        String(kb),
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

const runs = Number(values.runs);
const ours: SideResult[] = [];
const pouch: SideResult[] = [];
console.log(
  `sync drain: ${apps} applications × one sealed ${kb} KB image, queued offline, then drained; ${runs} runs`,
);
console.log('kiosk side in Node (fake-indexeddb / PouchDB memory adapter), not Chromium');
for (let run = 1; run <= runs; run++) {
  const a = await runChild('budayang');
  const b = await runChild('pouchdb');
  ours.push(a);
  pouch.push(b);
  for (const r of [a, b])
    console.log(
      `  run ${run} ${r.side.padEnd(8)} ${round(r.appsPerSec)} apps/s (${r.drainMs} ms), peak heap ${round(r.peakHeapMB)} MB, peak RSS ${round(r.peakRssMB)} MB, lost ${r.lost}, duplicates ${r.duplicates}`,
    );
}
const summary = {
  apps,
  runs,
  kiosk: 'node+fake-indexeddb',
  appsPerSec: round(median(ours.map((r) => r.appsPerSec))),
  peakHeapMB: round(median(ours.map((r) => r.peakHeapMB))),
  lost: Math.max(...ours.map((r) => r.lost)),
  duplicates: Math.max(...ours.map((r) => r.duplicates)),
  pouchdbAppsPerSec: round(median(pouch.map((r) => r.appsPerSec))),
  pouchdbPeakHeapMB: round(median(pouch.map((r) => r.peakHeapMB))),
  pouchdbLost: Math.max(...pouch.map((r) => r.lost)),
};
console.log(
  `median: Budayang ${summary.appsPerSec} apps/s, peak heap ${summary.peakHeapMB} MB; PouchDB ${summary.pouchdbAppsPerSec} apps/s, peak heap ${summary.pouchdbPeakHeapMB} MB; throughput ratio ${round(summary.appsPerSec / summary.pouchdbAppsPerSec)}×`,
);
console.log(JSON.stringify(summary));
