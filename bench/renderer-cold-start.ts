// Cold start to the attract screen: a fresh browser context (no HTTP cache, no IndexedDB, no
// local storage, no compiled code) navigates to the kiosk, and the clock stops at the frame
// after the "请触摸屏幕开始" button is in the DOM (read from the page's own
// navigation-relative clock; see bench/paint-probe.ts for "the frame after"); the
// protocol-side time from goto until the button is visible is printed beside it.
// The attract screen paints from the bundle and the configuration the page last saw; a fresh
// context has none, so it paints without the room's name, which follows when the device
// host has answered: "room name shown" times that second step.
// Baseline: a blank page from a local server, same probe. Unthrottled (the target), and
// with the CPU 4× slower for information. Prints figures; never fails on time.
// Run: npx tsx bench/renderer-cold-start.ts [runs=5]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { startKiosk } from '../test/e2e/kiosk-fixture';
import { launchBenchBrowser, newBenchContext, throttleCpu } from './bench-browser';
import { median, round1 } from './sample-stats';

const runs = Number(process.argv[2] ?? 5);

// Installed before any of the page's scripts: notes when `condition` (a JavaScript
// expression) first holds, then the frame after, as globalThis[name]. performance.now()
// counts from the navigation's time origin.
const readyProbe = (name: string, condition: string) => `
  globalThis[${JSON.stringify(name)}] = new Promise((resolve) => {
    const check = () => {
      if (!(${condition})) return false;
      const domMs = performance.now();
      const painted = () => resolve({ domMs, paintMs: performance.now() });
      requestAnimationFrame(() => {
        // Right after the frame, ahead of other queued tasks (see bench/paint-probe.ts).
        if (globalThis.scheduler)
          return void globalThis.scheduler.postTask(painted, { priority: 'user-blocking' });
        const channel = new MessageChannel();
        channel.port1.onmessage = painted;
        channel.port2.postMessage(null);
      });
      return true;
    };
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });`;
const matches = (selector: string) => `document.querySelector(${JSON.stringify(selector)})`;
// The header's room line is blank (a no-break space) until the host's configuration is in.
const ROOM_NAME_SHOWN = `document.querySelector('.header-room-name')?.textContent.trim()`;

interface ColdStart {
  paintMs: number;
  domMs: number;
  gotoToVisibleMs: number;
  /** The frame after the room's name is shown (kiosk runs only). */
  roomNameMs?: number;
}

type Probed = { domMs: number; paintMs: number };

async function coldStart(
  browser: Browser,
  url: string,
  selector: string,
  slowdown: number,
  roomName = false,
): Promise<ColdStart> {
  const context = await newBenchContext(browser);
  try {
    await context.addInitScript(readyProbe('__ready', matches(selector)));
    if (roomName) await context.addInitScript(readyProbe('__roomName', ROOM_NAME_SHOWN));
    const page = await context.newPage();
    if (slowdown > 1) await throttleCpu(page, slowdown);
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
    const gotoToVisibleMs = performance.now() - started;
    const probed = (name: string) =>
      page.evaluate(
        (name) => (globalThis as unknown as Record<string, Promise<Probed>>)[name]!,
        name,
      );
    const { domMs, paintMs } = await probed('__ready');
    if (!roomName) return { paintMs, domMs, gotoToVisibleMs };
    return { paintMs, domMs, gotoToVisibleMs, roomNameMs: (await probed('__roomName')).paintMs };
  } finally {
    await context.close();
  }
}

const blank = createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    '<!doctype html><html lang="zh-CN"><title>blank</title><body><h1 class="ready">空白页</h1></body></html>',
  );
});
await new Promise<void>((resolve) => blank.listen(0, '127.0.0.1', resolve));
const blankUrl = `http://127.0.0.1:${(blank.address() as AddressInfo).port}/`;

const kiosk = await startKiosk();
const browser = await launchBenchBrowser();
const ATTRACT = '.shell.screen-attract .attract-touch';
try {
  // One warm-up start enrols the kiosk with the platform, as on its first day.
  await coldStart(browser, kiosk.url, ATTRACT, 1);
  const figures: Record<string, unknown> = { bench: 'renderer-cold-start', runs };
  for (const slowdown of [1, 4]) {
    const kioskRuns: ColdStart[] = [];
    const blankRuns: ColdStart[] = [];
    for (let i = 0; i < runs; i++) {
      blankRuns.push(await coldStart(browser, blankUrl, 'h1.ready', slowdown));
      kioskRuns.push(await coldStart(browser, kiosk.url, ATTRACT, slowdown, true));
    }
    const k = median(kioskRuns.map((r) => r.paintMs));
    const b = median(blankRuns.map((r) => r.paintMs));
    const kGoto = median(kioskRuns.map((r) => r.gotoToVisibleMs));
    const label = slowdown === 1 ? 'unthrottled' : `CPU ${slowdown}× slower`;
    console.log(`cold start to the attract screen, ${label}, median of ${runs}:`);
    console.log(
      `  navigation start → attract painted: ${k.toFixed(0)} ms (DOM at ${median(kioskRuns.map((r) => r.domMs)).toFixed(0)} ms; max ${Math.max(...kioskRuns.map((r) => r.paintMs)).toFixed(0)} ms)${slowdown === 1 ? ' (target ≤ 1000 ms)' : ''}`,
    );
    const room = median(kioskRuns.map((r) => r.roomNameMs!));
    console.log(
      `  navigation start → room name shown (host's configuration in): ${room.toFixed(0)} ms`,
    );
    console.log(`  goto → button visible (protocol side): ${kGoto.toFixed(0)} ms`);
    console.log(`  baseline, blank page painted: ${b.toFixed(0)} ms; ratio ${(k / b).toFixed(1)}x`);
    const key = slowdown === 1 ? 'unthrottled' : `cpu${slowdown}x`;
    figures[key] = {
      paintMedianMs: round1(k),
      paintMaxMs: round1(Math.max(...kioskRuns.map((r) => r.paintMs))),
      roomNameMedianMs: round1(room),
      gotoToVisibleMedianMs: round1(kGoto),
      blankPaintMedianMs: round1(b),
      ratio: round1(k / b),
    };
  }
  console.log(JSON.stringify({ ...figures, targetMs: 1000 }));
} finally {
  await browser.close();
  await kiosk.stop();
  blank.close();
}
