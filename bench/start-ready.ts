// How long `budayang start --web --headless` takes to serve, once built: from spawning the
// command to its "Kiosk ready at" line. Baseline: a bare `node` start in the same run.
// Run: npm run bench:start
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const runs = Number(process.env.RUNS ?? 5);

function timeUntil(args: string[], marker: RegExp | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (marker && marker.test(out)) {
        const elapsed = performance.now() - started;
        child.once('exit', () => resolve(elapsed));
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      if (!marker) resolve(performance.now() - started);
      else if (!marker.test(out)) reject(new Error(`exited ${code} before ready:\n${out}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const baseline: number[] = [];
const ready: number[] = [];
for (let i = 0; i < runs; i++) {
  baseline.push(await timeUntil(['-e', ''], null));
  const data = await mkdtemp(join(tmpdir(), 'budayang-bench-start-'));
  try {
    ready.push(
      await timeUntil(
        ['cli/budayang.mjs', 'start', '--web', '--headless', '--port', '0', '--data', data],
        /Kiosk ready at/,
      ),
    );
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}
console.log(`bare node start: median ${median(baseline).toFixed(0)} ms over ${runs} runs`);
console.log(
  `budayang start --web --headless, fresh data dir, to "Kiosk ready": median ${median(ready).toFixed(0)} ms, max ${Math.max(...ready).toFixed(0)} ms (target 5000 ms)`,
);
console.log(`ratio to bare node start: ${(median(ready) / median(baseline)).toFixed(1)}x`);
console.log(
  JSON.stringify({
    readyMedianMs: Math.round(median(ready)),
    readyMaxMs: Math.round(Math.max(...ready)),
    nodeMedianMs: Math.round(median(baseline)),
  }),
);
