// Renderer memory over many consecutive sessions: each one the shortest realistic visit that
// still hands the renderer a citizen (attract → catalog → guide → identify, a card on the
// simulated reader, 继续 to the prefilled form, then 首页, which ends the session, and the
// card taken away). After forced GC, at the start and every 100 sessions, it samples the
// page's and the sync worker's JS heaps (CDP Runtime.getHeapUsage) and the DOM counters,
// and prints the growth. Never fails on size.
// Run: npx tsx bench/renderer-memory-soak.ts [sessions=500]
import type { Page } from 'playwright-core';
import { collectGarbage, workerInspectors, type Inspector } from '../test/e2e/heap-snapshot';
import { startKiosk, type RunningKiosk } from '../test/e2e/kiosk-fixture';
import { launchBenchBrowser, openAttractScreen, waitForWarmKiosk } from './bench-browser';
import { presentCard, touches } from './kiosk-journey';
import { round1 } from './sample-stats';

const sessions = Number(process.argv[2] ?? 500);
const EVERY = 100;

interface Sample {
  session: number;
  pageHeapMB: number;
  workerHeapMB: number;
  domNodes: number;
  listeners: number;
  elapsedS: number;
}

async function shortSession(page: Page, kiosk: RunningKiosk, n: number) {
  for (const touch of [touches.start, touches.chooseService, touches.startApplying]) {
    await touch.tap(page);
    await page.locator(touch.next).waitFor();
  }
  await presentCard(page, kiosk, n);
  for (const touch of [touches.continueToForm, touches.home]) {
    await touch.tap(page);
    await page.locator(touch.next).waitFor();
  }
  await kiosk.sim('DELETE', '/idcard/card');
}

const usedMB = async (inspector: Inspector) => {
  await collectGarbage(inspector);
  const { usedSize } = (await inspector.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 2 ** 20;
};

const kiosk = await startKiosk();
const browser = await launchBenchBrowser();
try {
  const { context, page } = await openAttractScreen(browser, kiosk.url);
  const cdp = await context.newCDPSession(page);
  const pageInspector: Inspector = {
    send: (method, params) => cdp.send(method as 'Runtime.getHeapUsage', params as never),
    on: (event, handler) => (cdp as unknown as Inspector).on(event, handler),
    off: (event, handler) => (cdp as unknown as Inspector).off(event, handler),
  };

  const started = performance.now();
  const samples: Sample[] = [];
  const sample = async (session: number) => {
    const counters = (await cdp.send('Memory.getDOMCounters')) as {
      nodes: number;
      jsEventListeners: number;
    };
    const s: Sample = {
      session,
      pageHeapMB: await usedMB(pageInspector),
      workerHeapMB: worker ? await usedMB(worker) : Number.NaN,
      domNodes: counters.nodes,
      listeners: counters.jsEventListeners,
      elapsedS: (performance.now() - started) / 1000,
    };
    samples.push(s);
    console.log(
      `  after ${String(session).padStart(4)} sessions: page heap ${s.pageHeapMB.toFixed(2)} MB, worker heap ${s.workerHeapMB.toFixed(2)} MB, DOM nodes ${s.domNodes}, listeners ${s.listeners} (${s.elapsedS.toFixed(0)} s)`,
    );
  };

  // One session first, and the start's warm-up over, so that the first sample has the
  // catalogue, fonts and lazy code in.
  await shortSession(page, kiosk, 0);
  await waitForWarmKiosk(page);
  // The sync worker starts behind the first paint: by now it runs.
  const [worker] = await workerInspectors(pageInspector);
  console.log(`renderer memory over ${sessions} sessions (after forced GC):`);
  await sample(0);
  for (let n = 1; n <= sessions; n++) {
    await shortSession(page, kiosk, n);
    if (n % EVERY === 0 || n === sessions) await sample(n);
  }
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const growth = last.pageHeapMB - first.pageHeapMB;
  const perSessionMs = ((last.elapsedS * 1000) / sessions).toFixed(0);
  console.log(
    `  growth: page heap ${growth.toFixed(2)} MB, worker heap ${(last.workerHeapMB - first.workerHeapMB).toFixed(2)} MB, DOM nodes ${last.domNodes - first.domNodes} (target ≤ 10 MB); ${perSessionMs} ms per session`,
  );
  console.log(
    JSON.stringify({
      bench: 'renderer-memory-soak',
      sessions,
      pageHeapStartMB: round1(first.pageHeapMB),
      pageHeapEndMB: round1(last.pageHeapMB),
      pageHeapGrowthMB: round1(growth),
      workerHeapGrowthMB: round1(last.workerHeapMB - first.workerHeapMB),
      domNodeGrowth: last.domNodes - first.domNodes,
      listenerGrowth: last.listeners - first.listeners,
      samples: samples.map((s) => ({
        session: s.session,
        pageHeapMB: round1(s.pageHeapMB),
        workerHeapMB: round1(s.workerHeapMB),
      })),
      secondsPerSession: round1(last.elapsedS / sessions),
      targetGrowthMB: 10,
    }),
  );
} finally {
  await browser.close();
  await kiosk.stop();
}
