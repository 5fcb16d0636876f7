/**
 * Enqueue cost in Chromium: seal a form with three 200 KB images to the platform's HPKE key
 * and write it durably to the Dexie outbox, as submitApplication does; the baseline is a bare
 * IndexedDB write of the same three images with strict durability, in the same page
 * (bench/sync-enqueue-page.ts, bundled here with esbuild and served from loopback, since
 * IndexedDB needs an origin). Prints medians and p95 and the ratio to the bare write; never
 * fails on time.
 *   npm run bench:sync-enqueue -- [runs]
 */
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { launchBenchBrowser, newBenchContext } from './bench-browser';

const runs = Number(process.argv[2] ?? 40);

const bundle = await build({
  entryPoints: [new URL('./sync-enqueue-page.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  write: false,
});
const script = bundle.outputFiles[0]!.text;
const server = createServer((request, response) => {
  if (request.url === '/bench.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end(script);
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html' });
  response.end(
    '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>',
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('no port');

const browser = await launchBenchBrowser();
try {
  const page = await (await newBenchContext(browser)).newPage();
  await page.goto(`http://127.0.0.1:${address.port}/`);
  await page.waitForFunction(() => 'runEnqueueBench' in globalThis);
  const result = await page.evaluate(
    (n) =>
      (
        globalThis as unknown as {
          runEnqueueBench(n: number): Promise<{ bare: number[]; seal: number[]; total: number[] }>;
        }
      ).runEnqueueBench(n),
    runs,
  );
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  const figures = {
    runs,
    bareWriteMedianMs: round(pct(result.bare, 0.5)),
    sealMedianMs: round(pct(result.seal, 0.5)),
    sealP95Ms: round(pct(result.seal, 0.95)),
    enqueueMedianMs: round(pct(result.total, 0.5)),
    enqueueP95Ms: round(pct(result.total, 0.95)),
    ratioToBareWrite: round(pct(result.total, 0.5) / pct(result.bare, 0.5)),
  };
  console.log(`enqueue in Chromium (seal + durable write, 3 × 200 KB images), ${runs} runs`);
  console.log(`  bare IndexedDB write (strict): median ${figures.bareWriteMedianMs} ms`);
  console.log(`  seal:    median ${figures.sealMedianMs} ms, p95 ${figures.sealP95Ms} ms`);
  console.log(
    `  enqueue: median ${figures.enqueueMedianMs} ms, p95 ${figures.enqueueP95Ms} ms (${figures.ratioToBareWrite}× the bare write)`,
  );
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  server.close();
}
