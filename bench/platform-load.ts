import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { PATHS } from '../sync/protocol/routes';
import { createPlatform } from '../sync/server/platform';
import type { Platform } from '../sync/server/platform';
import { startPostgres } from '../test/support/postgres';

/**
 * Load benchmark of the reference platform: kiosks in separate processes upload sealed
 * ~2 KB envelopes concurrently over loopback, with a retry storm re-sending a share of the
 * batches. Prints accepted applications per second and batch latency p50/p99 for SQLite
 * and PostgreSQL, and checks that nothing was lost or stored twice.
 *
 * The kiosks and the platform share the machine's cores, so it also prints the CPU each side
 * spent: the platform's share is what the figures say about the platform. Each run is
 * preceded by a baseline in the same process, the HTTP floor (`startFloor`), and the summary
 * gives the platform's throughput as a ratio of it.
 *
 * The target (≥ 1,000 applications/s, p99 ≤ 100 ms) is judged at the defaults' load: 4 kiosks,
 * each with one batch of 20 in flight, i.e. 80 applications in flight, with a 20 % retry storm.
 * More in flight trades latency for throughput (queueing); the run's output says by how much.
 *
 *   npm run bench:platform -- [--kiosks 4] [--applications 1500] [--batch 20] [--concurrency 1] [--retry 0.2] [--db sqlite|postgres|both] [--runs 3] [--intake-threads N]
 */

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const kiosks = Number(arg('kiosks', '4'));
const applications = Number(arg('applications', '1500'));
const batchSize = Number(arg('batch', '20'));
const concurrency = Number(arg('concurrency', '1'));
const retryShare = Number(arg('retry', '0.2'));
const which = arg('db', 'both');
const runs = Number(arg('runs', '3'));
const threadsArg = arg('intake-threads', '');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Done {
  ms: number;
  cpuMs: number;
  unverified: number;
  latencies: number[];
  outcomes: Record<string, number>;
  errors: number;
  ids: string[];
}

/** CPU milliseconds of a PostgreSQL server's processes so far (Linux /proc; clock ticks of 10 ms). */
async function postgresCpuMs(platform: Platform): Promise<number> {
  if (platform.db.dialect !== 'postgres') return 0;
  const backend = Number(
    (await platform.db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid,
  );
  const stat = (pid: string) => {
    try {
      // The command name may hold spaces; the fields after its closing parenthesis do not.
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    } catch {
      return undefined;
    }
  };
  const postmaster = stat(String(backend))?.[1];
  if (postmaster === undefined) return 0;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const fields = stat(pid);
    if (fields !== undefined && (pid === postmaster || fields[1] === postmaster))
      ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  platformCpuMsPerApp: number;
  sound: boolean;
}

/**
 * The baseline: a server in this process that only reads each batch, parses its JSON and
 * answers every item `accepted`, with no signature, opening or database. The same kiosk
 * processes send it the same batches, so platform ÷ floor says what the platform's own work
 * costs on this machine at this moment.
 */
async function startFloor(): Promise<{ url: string; close(): Promise<void> }> {
  const floor = Fastify({ bodyLimit: 8 * 1024 * 1024 });
  floor.post(PATHS.applicationsBatch, async (request) => {
    const { envelopes } = request.body as { envelopes: Array<{ id: string }> };
    return {
      results: envelopes.map((e, index) => ({ index, id: e.id, outcome: 'accepted' })),
    };
  });
  const url = await floor.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => floor.close() };
}

async function run(label: string, db: string, floorRun = false): Promise<Figures> {
  const platform = await createPlatform({
    db,
    ...(threadsArg === '' ? {} : { intakeThreads: Number(threadsArg) }),
  });
  const baseUrl = await platform.listen({ port: 0 });
  const floor = floorRun ? await startFloor() : undefined;
  const kioskFile = fileURLToPath(new URL('./platform-load-kiosk.ts', import.meta.url));
  const children = await Promise.all(
    Array.from({ length: kiosks }, async () => {
      const job = {
        baseUrl,
        ...(floor ? { uploadBaseUrl: floor.url } : {}),
        code: (await platform.operator.createEnrolmentCode()).code,
        applications,
        batchSize,
        concurrency,
        retryShare,
      };
      return fork(kioskFile, [JSON.stringify(job)], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
    }),
  );
  const ready = await Promise.all(
    children.map(
      (c) =>
        new Promise<{ envelopeBytes: number }>((resolve) =>
          c.once('message', (m) => resolve(m as { envelopeBytes: number })),
        ),
    ),
  );
  const results = children.map(
    (c) =>
      new Promise<Done>((resolve) =>
        c.on('message', (m) => (m as { done?: boolean }).done && resolve(m as Done)),
      ),
  );
  const databaseCpuBefore = await postgresCpuMs(platform);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  for (const c of children) c.send('go');
  const done = await Promise.all(results);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const platformCpuMs = (cpu.user + cpu.system) / 1000;
  const loop = performance.eventLoopUtilization(loopBefore);
  const kioskCpuMs = done.reduce((n, d) => n + d.cpuMs, 0);
  const databaseCpuMs = (await postgresCpuMs(platform)) - databaseCpuBefore;
  const latencies = done.flatMap((d) => d.latencies).sort((a, b) => a - b);
  const outcomes: Record<string, number> = {};
  for (const d of done)
    for (const [k, v] of Object.entries(d.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  const ids = new Set(done.flatMap((d) => d.ids));
  const stored = Number(
    (await platform.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM applications'))[0]!.n,
  );
  const accepted = outcomes.accepted ?? 0;
  const handled = Object.values(outcomes).reduce((n, v) => n + v, 0);
  if (floor) {
    // Every item, retries included, is "accepted" there: count the distinct ones.
    const perSecond = (ids.size / wall) * 1000;
    console.log(
      `HTTP floor (${label}): ${Math.round(perSecond)} applications/s, batch latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    await floor.close();
    await platform.close();
    return {
      perSecond,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      platformCpuMsPerApp: platformCpuMs / handled,
      sound: true,
    };
  }
  const sound = stored === ids.size && accepted === ids.size;
  console.log(
    [
      `${label}: ${kiosks} kiosks × ${applications} applications (≈${Math.round(ready[0]!.envelopeBytes)} B envelopes), batches of ${batchSize}, ${concurrency} in flight per kiosk, retry share ${retryShare}`,
      `  accepted ${accepted} in ${(wall / 1000).toFixed(2)} s = ${Math.round((accepted / wall) * 1000)} applications/s`,
      `  batch latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms over ${latencies.length} requests`,
      `  outcomes ${JSON.stringify(outcomes)}, transport retries ${done.reduce((n, d) => n + d.errors, 0)}`,
      `  stored ${stored} of ${ids.size} distinct envelopes: ${sound ? 'nothing lost, nothing stored twice' : 'MISMATCH'}; responses failing verification ${done.reduce((n, d) => n + d.unverified, 0)}`,
      `  CPU on ${availableParallelism()} cores over ${(wall / 1000).toFixed(2)} s: platform ${(platformCpuMs / 1000).toFixed(2)} s (${((platformCpuMs * 1000) / handled).toFixed(0)} µs per item handled, main loop ${(loop.utilization * 100).toFixed(0)}% busy), ${kiosks} kiosk processes ${(kioskCpuMs / 1000).toFixed(2)} s${platform.db.dialect === 'postgres' ? `, PostgreSQL server ${(databaseCpuMs / 1000).toFixed(2)} s` : ''}; CPU pressure ${cpuPressure()}`,
    ].join('\n'),
  );
  await platform.close();
  return {
    perSecond: (accepted / wall) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    platformCpuMsPerApp: platformCpuMs / handled,
    sound,
  };
}

/** Linux PSI: the share of the last 10 s in which some task waited for a CPU (other load on the machine). */
function cpuPressure(): string {
  try {
    return `${/avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))![1]}%`;
  } catch {
    return 'unknown';
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

function summarise(label: string, figures: Figures[], floors: Figures[]): void {
  const perSecond = median(figures.map((f) => f.perSecond));
  const floorPerSecond = median(floors.map((f) => f.perSecond));
  console.log(
    `${label}, median of ${figures.length} runs: ${Math.round(perSecond)} applications/s, p50 ${median(figures.map((f) => f.p50)).toFixed(1)} ms, p99 ${median(figures.map((f) => f.p99)).toFixed(1)} ms, platform ${(median(figures.map((f) => f.platformCpuMsPerApp)) * 1000).toFixed(0)} µs CPU per item; ${(perSecond / floorPerSecond).toFixed(2)}× the HTTP floor's ${Math.round(floorPerSecond)}/s (p99 ${median(floors.map((f) => f.p99)).toFixed(1)} ms); ${figures.every((f) => f.sound) ? 'every run lost and duplicated nothing' : 'A RUN LOST OR DUPLICATED'}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'budayang-bench-'));
try {
  const floors: Figures[] = [];
  const floorRun = async (i: number) =>
    floors.push(await run(`run ${i + 1}`, `sqlite:${join(dir, `floor-${i}.db`)}`, true));
  if (which !== 'postgres') {
    const figures: Figures[] = [];
    for (let i = 0; i < runs; i++) {
      await floorRun(i);
      figures.push(await run('SQLite', `sqlite:${join(dir, `bench-${i}.db`)}`));
    }
    summarise('SQLite', figures, floors);
  }
  if (which !== 'sqlite') {
    const figures: Figures[] = [];
    for (let i = 0; i < runs; i++) {
      if (which === 'postgres') await floorRun(i);
      const postgres = await startPostgres({ durable: true });
      try {
        figures.push(await run('PostgreSQL', postgres.url));
      } finally {
        await postgres.stop();
      }
    }
    summarise('PostgreSQL', figures, floors);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
