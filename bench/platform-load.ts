import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlatform } from '../sync/server/platform';
import { startPostgres } from '../test/support/postgres';

/**
 * Load benchmark of the reference platform: kiosks in separate processes upload sealed
 * ~2 KB envelopes concurrently over loopback, with a retry storm re-sending a share of the
 * batches. Prints accepted applications per second and batch latency p50/p99 for SQLite
 * and PostgreSQL, and checks that nothing was lost or stored twice.
 *
 *   npx tsx bench/platform-load.ts [--kiosks 4] [--applications 1500] [--batch 25] [--concurrency 2] [--retry 0.2] [--db sqlite|postgres|both]
 */

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const kiosks = Number(arg('kiosks', '4'));
const applications = Number(arg('applications', '1500'));
const batchSize = Number(arg('batch', '25'));
const concurrency = Number(arg('concurrency', '2'));
const retryShare = Number(arg('retry', '0.2'));
const which = arg('db', 'both');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Done {
  ms: number;
  latencies: number[];
  outcomes: Record<string, number>;
  errors: number;
  ids: string[];
}

async function run(label: string, db: string): Promise<void> {
  const platform = await createPlatform({ db });
  const baseUrl = await platform.listen({ port: 0 });
  const kioskFile = fileURLToPath(new URL('./platform-load-kiosk.ts', import.meta.url));
  const children = await Promise.all(
    Array.from({ length: kiosks }, async () => {
      const job = {
        baseUrl,
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
  const started = performance.now();
  for (const c of children) c.send('go');
  const done = await Promise.all(results);
  const wall = performance.now() - started;
  const latencies = done.flatMap((d) => d.latencies).sort((a, b) => a - b);
  const outcomes: Record<string, number> = {};
  for (const d of done)
    for (const [k, v] of Object.entries(d.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  const ids = new Set(done.flatMap((d) => d.ids));
  const stored = Number(
    (await platform.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM applications'))[0]!.n,
  );
  const accepted = outcomes.accepted ?? 0;
  console.log(
    [
      `${label}: ${kiosks} kiosks × ${applications} applications (≈${Math.round(ready[0]!.envelopeBytes)} B envelopes), batches of ${batchSize}, ${concurrency} in flight per kiosk, retry share ${retryShare}`,
      `  accepted ${accepted} in ${(wall / 1000).toFixed(2)} s = ${Math.round((accepted / wall) * 1000)} applications/s`,
      `  batch latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms over ${latencies.length} requests`,
      `  outcomes ${JSON.stringify(outcomes)}, transport retries ${done.reduce((n, d) => n + d.errors, 0)}`,
      `  stored ${stored} of ${ids.size} distinct envelopes: ${stored === ids.size && accepted === ids.size ? 'nothing lost, nothing stored twice' : 'MISMATCH'}`,
    ].join('\n'),
  );
  await platform.close();
}

const dir = mkdtempSync(join(tmpdir(), 'budayang-bench-'));
try {
  if (which !== 'postgres') await run('SQLite', `sqlite:${join(dir, 'bench.db')}`);
  if (which !== 'sqlite') {
    const postgres = await startPostgres({ durable: true });
    try {
      await run('PostgreSQL', postgres.url);
    } finally {
      await postgres.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
