// Touch → next screen rendered, on the real kiosk in web mode with the CPU slowed 4×: from
// the tap's pointerup to the frame that shows the screen it leads to (bench/paint-probe.ts),
// over every touch of a whole application (attract → catalog → guide → identify → form →
// review → confirm → submitted → rating → goodbye → attract), several sessions, in one page.
// Measuring starts once the page is as a kiosk is when a citizen comes: the catalogue in,
// the start's background work over (screens' code loaded and warmed, see
// renderer/app/screen-warmup.tsx), the page quiet.
//
// How to read the figures:
// - "all touches" is the target (p95 ≤ 100 ms): each touch's first visible response. For
//   确认提交 that is the review screen's 正在提交 state, shown in the same frame as the touch;
//   the receipt screen comes when the sealed envelope is durably in IndexedDB, and that wait
//   (crypto, a durable write, the disk) is printed apart as "submit → receipt screen", and
//   also folded into "counting the receipt screen" to compare with earlier runs.
// - "first session" are the touches of the first application after the start, "later
//   sessions" the rest: what is left of a screen's first showing shows in the difference.
// - "baseline" is the same probe on a static page whose one button swaps a heading, in the
//   same browser and under the same throttling: what the machine itself costs (input
//   delivery, a frame, the task after it). On a loaded machine both move together; the
//   ratio moves less. Figures under load (see `uptime`) say little about a kiosk: on a small
//   machine shared with other work the baseline's p95 itself moves a great deal.
// - DOM at: pointerup → the next screen is in the DOM (React has committed). The rest, up
//   to "painted", is the browser's style, layout and paint for that frame.
// - The JSON line carries every sample (samplesMs) per touch, in the order taken.
// Prints figures; never fails on time.
// Run: npx tsx bench/renderer-touch-latency.ts [sessions=6]
import type { Page } from 'playwright-core';
import { startKiosk } from '../test/e2e/kiosk-fixture';
import {
  launchBenchBrowser,
  openAttractScreen,
  throttleCpu,
  waitForWarmKiosk,
} from './bench-browser';
import { fillForm, presentCard, touches, type Touch } from './kiosk-journey';
import { timedTap, timedTapStages, type PaintTiming } from './paint-probe';
import { median, percentile, round1 } from './sample-stats';

const sessions = Number(process.argv[2] ?? 6);
const CPU_SLOWDOWN = 4;

const samples = new Map<string, PaintTiming[]>();
/** Every touch's first response, by session: the first meets each screen's code cold. */
const bySession: number[][] = [];
let session = 0;
const note = (name: string, timing: PaintTiming) => {
  samples.set(name, [...(samples.get(name) ?? []), timing]);
  (bySession[session] ??= []).push(timing.paintMs);
};
async function timed(page: Page, touch: Touch) {
  note(touch.name, await timedTap(page, touch.next, () => touch.tap(page)));
}

// 确认提交: the 正在提交 state first, then the receipt screen once the envelope is on disk.
const SUBMITTING = '.shell.screen-review .shell-main [role="status"]';
const CONFIRMED = 'review confirm→正在提交';
const RECEIPT = 'submit → receipt screen (seal + durable write)';
async function timedSubmit(page: Page) {
  const [feedback, receipt] = await timedTapStages(page, [SUBMITTING, touches.confirm.next], () =>
    touches.confirm.tap(page),
  );
  note(CONFIRMED, feedback!);
  receipts.push(receipt!);
}
const receipts: PaintTiming[] = [];

async function oneApplication(
  page: Page,
  kiosk: Awaited<ReturnType<typeof startKiosk>>,
  n: number,
) {
  await timed(page, touches.start);
  await timed(page, touches.chooseService);
  await timed(page, touches.backToCatalog);
  await timed(page, touches.chooseService);
  await timed(page, touches.startApplying);
  await presentCard(page, kiosk, n);
  await timed(page, touches.continueToForm);
  await fillForm(page);
  await timed(page, touches.toReview);
  await timed(page, touches.askToConfirm);
  await timedSubmit(page);
  await timed(page, touches.rate);
  await timed(page, touches.skipRating);
  await timed(page, touches.leaveGoodbye);
  // Taken away once the session is over: on the submitted screen it would start the countdown.
  await kiosk.sim('DELETE', '/idcard/card');
}

const SWAP_PAGE = `<!doctype html><html lang="zh-CN"><body>
<h1 class="screen-0">第 0 屏</h1><button type="button" id="swap">下一屏</button>
<script>
let n = 0;
document.getElementById('swap').addEventListener('click', () => {
  n++;
  const h = document.createElement('h1');
  h.className = 'screen-' + n;
  h.textContent = '第 ' + n + ' 屏';
  document.querySelector('h1').replaceWith(h);
});
</script></body></html>`;

async function baseline(page: Page, count: number): Promise<PaintTiming[]> {
  await page.setContent(SWAP_PAGE);
  await throttleCpu(page, CPU_SLOWDOWN);
  const out: PaintTiming[] = [];
  for (let i = 1; i <= count; i++)
    out.push(await timedTap(page, `h1.screen-${i}`, () => page.locator('#swap').click()));
  return out;
}

const kiosk = await startKiosk();
const browser = await launchBenchBrowser();
try {
  const { context, page } = await openAttractScreen(browser, kiosk.url);
  // The catalogue arrives from the platform through the sync worker; wait for it unthrottled.
  await page.locator('.attract-touch').click();
  await page
    .getByRole('button', { name: /社保卡补换/ })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '首页' }).first().click();
  await page.locator('.attract-touch').waitFor();
  await waitForWarmKiosk(page);
  await throttleCpu(page, CPU_SLOWDOWN);

  const started = performance.now();
  for (session = 0; session < sessions; session++) await oneApplication(page, kiosk, session);
  const elapsed = performance.now() - started;

  const all = [...samples.values()].flat();
  const basePage = await context.newPage();
  const base = await baseline(basePage, all.length);

  const paint = all.map((s) => s.paintMs);
  const screenOnly = [...samples]
    .filter(([name]) => name !== CONFIRMED)
    .flatMap(([, t]) => t.map((s) => s.paintMs));
  const receipt = receipts.map((s) => s.paintMs);
  const withReceipt = [...screenOnly, ...receipt];
  const basePaint = base.map((s) => s.paintMs);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const line = (xs: number[]) => `median ${ms(median(xs))}, p95 ${ms(percentile(xs, 95))}`;
  console.log(
    `touch → next screen painted, CPU ${CPU_SLOWDOWN}× slower, ${sessions} applications (${all.length} touches, ${(elapsed / 1000).toFixed(0)} s):`,
  );
  const row = (name: string, timings: PaintTiming[]) => {
    const p = timings.map((t) => t.paintMs);
    console.log(
      `  ${name.padEnd(48)} median ${median(p).toFixed(1).padStart(6)} ms  p95 ${percentile(p, 95).toFixed(1).padStart(6)} ms  (DOM at ${median(timings.map((t) => t.domMs)).toFixed(1)} ms, n=${p.length})`,
    );
  };
  for (const [name, timings] of samples) row(name, timings);
  row(RECEIPT, receipts);
  console.log(`  all touches: ${line(paint)} (target p95 ≤ 100 ms)`);
  const warm = bySession.slice(1).flat();
  console.log(`  first session (each screen's first showing): ${line(bySession[0] ?? [])}`);
  console.log(`  later sessions: ${line(warm)}`);
  console.log(`  screen changes only (without 确认提交): ${line(screenOnly)}`);
  console.log(`  counting the receipt screen for 确认提交 (as before): ${line(withReceipt)}`);
  console.log(`  baseline (static page, one button swaps a heading): ${line(basePaint)}`);
  console.log(
    `  ratio to baseline: median ${(median(paint) / median(basePaint)).toFixed(1)}x, p95 ${(percentile(paint, 95) / percentile(basePaint, 95)).toFixed(1)}x`,
  );
  const figures = (xs: number[]) => ({
    medianMs: round1(median(xs)),
    p95Ms: round1(percentile(xs, 95)),
    samplesMs: xs.map(Math.round),
  });
  const perTouch = Object.fromEntries(
    [...samples, [RECEIPT, receipts] as const].map(([name, t]) => [
      name,
      figures(t.map((x) => x.paintMs)),
    ]),
  );
  console.log(
    JSON.stringify({
      bench: 'renderer-touch-latency',
      cpuSlowdown: CPU_SLOWDOWN,
      sessions,
      touches: all.length,
      medianMs: round1(median(paint)),
      p95Ms: round1(percentile(paint, 95)),
      firstSessionMedianMs: round1(median(bySession[0] ?? [])),
      firstSessionP95Ms: round1(percentile(bySession[0] ?? [], 95)),
      laterSessionsMedianMs: round1(median(warm)),
      laterSessionsP95Ms: round1(percentile(warm, 95)),
      screenOnlyMedianMs: round1(median(screenOnly)),
      screenOnlyP95Ms: round1(percentile(screenOnly, 95)),
      withReceiptMedianMs: round1(median(withReceipt)),
      withReceiptP95Ms: round1(percentile(withReceipt, 95)),
      receiptMedianMs: round1(median(receipt)),
      receiptP95Ms: round1(percentile(receipt, 95)),
      baselineMedianMs: round1(median(basePaint)),
      baselineP95Ms: round1(percentile(basePaint, 95)),
      ratioMedian: round1(median(paint) / median(basePaint)),
      ratioP95: round1(percentile(paint, 95) / percentile(basePaint, 95)),
      targetP95Ms: 100,
      perTouch,
    }),
  );
} finally {
  await browser.close();
  await kiosk.stop();
}
