import type { Page } from '@playwright/test';
import { expect, issueEnrolmentCode, test, type RunningKiosk } from './kiosk-fixture';
import {
  pageInspector,
  retainerPaths,
  stringsContaining,
  takeHeapSnapshot,
  workerInspectors,
  type HeapSnapshot,
  type Inspector,
} from './heap-snapshot';
import { clearValuesInIndexedDb } from './indexeddb-clear-values';
import { readPlatform } from './journey-platform';
import * as socialSecurityCard from './social-security-card';

// The privacy promise of the architecture, proven on the real kiosk: once a session has
// ended (finished, or abandoned until the idle countdown wipes it), the renderer's heap and
// the sync worker's heap, after forced garbage collection, hold neither the citizen's name
// nor ID number, and IndexedDB holds them only inside sealed envelopes.
//
// The clear values never enter the page from this test: the card goes on the simulated
// reader from Node, the screens are checked for the masked forms only, and IndexedDB is read
// out raw and searched here, so that nothing the test itself did can put them in the heap.

interface Citizen {
  name: string;
  idNumber: string;
  maskedName: string;
  maskedId: string;
}

const finishing: Citizen = {
  name: '张三丰',
  idNumber: '11010519491231002X',
  maskedName: '张*丰',
  maskedId: '110105********002X',
};
const walkingAway: Citizen = {
  name: '欧阳明月',
  idNumber: '440106198001010019',
  maskedName: '欧**月',
  maskedId: '440106********0019',
};

test.describe.configure({ mode: 'serial' });

// One page for both sessions, as a kiosk runs one page all day: the demo platform's
// enrolment code is single-use, and the second session must also wipe the first.
let page: Page;

test.beforeAll(async ({ browser, kiosk }) => {
  // A new browser profile enrols anew; the per-test code comes too late for a shared page.
  await issueEnrolmentCode(kiosk);
  page = await browser.newPage();
  // Fake timers from the start, running at wall-clock pace until a test jumps them: the idle
  // countdown is then reached without shortening anything in the app.
  await page.clock.install();
  await page.goto(kiosk.url);
  await expect(page.getByRole('button', { name: /请触摸屏幕开始/ })).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

async function openServiceAndReadCard(kiosk: RunningKiosk, citizen: Citizen) {
  await socialSecurityCard.start(page);
  await kiosk.sim('POST', '/idcard/card', { name: citizen.name, idNumber: citizen.idNumber });
  await expect(page.getByText('身份已确认').first()).toBeVisible();
  await expect(page.getByText(citizen.maskedName).first()).toBeVisible();
  await expect(page.getByText(citizen.maskedId).first()).toBeVisible();
  await page.getByRole('button', { name: /^继续$/ }).click();
  await socialSecurityCard.fillDamagedCardForm(page);
}

const clearValuesOf = (citizens: Citizen[]) => citizens.flatMap((c) => [c.name, c.idNumber]);

/** Every heap of the renderer: the page's and each dedicated worker's. */
async function rendererHeaps(): Promise<Array<{ heap: string; snapshot: HeapSnapshot }>> {
  const main = await pageInspector(page);
  try {
    const heaps = [{ heap: 'page', snapshot: await takeHeapSnapshot(main) }];
    const workers: Inspector[] = await workerInspectors(main);
    expect(workers.length, 'the sync worker is reachable for inspection').toBeGreaterThan(0);
    for (const [i, worker] of workers.entries())
      heaps.push({ heap: `worker ${i}`, snapshot: await takeHeapSnapshot(worker) });
    return heaps;
  } finally {
    await main.detach();
  }
}

interface HeapFinding {
  heap: string;
  value: 'name' | 'ID number';
  strings: number;
  /** Retainer chains from the GC roots; they show types and property names, never the value. */
  retainers: string[];
}

const describeFinding = (f: HeapFinding) =>
  `${f.heap}: ${f.strings} string(s) hold the ${f.value}; retained by:\n  ` +
  (f.retainers.join('\n  ') || '(no strong path: only awaiting collection)');

/** What of the citizens the renderer's heaps still hold, with what keeps it alive. */
async function clearValuesInHeaps(citizens: Citizen[]): Promise<HeapFinding[]> {
  const findings: HeapFinding[] = [];
  for (const { heap, snapshot } of await rendererHeaps()) {
    for (const citizen of citizens) {
      for (const [value, text] of [
        ['name', citizen.name],
        ['ID number', citizen.idNumber],
      ] as const) {
        const strings = stringsContaining(snapshot, text).length;
        if (strings > 0)
          findings.push({ heap, value, strings, retainers: retainerPaths(snapshot, text) });
      }
    }
  }
  return findings;
}

function outboxCount(stores: Record<string, number>): number {
  return Object.entries(stores)
    .filter(([name]) => /\/outbox$/.test(name))
    .reduce((sum, [, count]) => sum + count, 0);
}

test('a finished session leaves neither name nor ID number in the renderer or in IndexedDB', async ({
  kiosk,
}) => {
  await openServiceAndReadCard(kiosk, finishing);
  await socialSecurityCard.sign(page);
  await socialSecurityCard.goToReview(page);
  // The probe's own check: mid-session the heap must hold the values, or it proves nothing.
  const live = await clearValuesInHeaps([finishing]);
  expect(live.filter((f) => f.heap === 'page').map((f) => f.value)).toEqual(['name', 'ID number']);
  await socialSecurityCard.submit(page);
  await expect(page.getByText(/请取走打印的回执|打印机暂时无法打印/).first()).toBeVisible({
    timeout: 20_000,
  });

  // The citizen takes the card and touches 完成; the farewell screen gives way to attract.
  await kiosk.sim('DELETE', '/idcard/card');
  await page.getByRole('button', { name: '完成', exact: true }).click();
  await expect(page.getByText('您的信息已清除，感谢使用').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /请触摸屏幕开始/ })).toBeVisible({
    timeout: 15_000,
  });

  expect((await clearValuesInHeaps([finishing])).map(describeFinding)).toEqual([]);
  const indexedDb = await clearValuesInIndexedDb(page, clearValuesOf([finishing]));
  expect(indexedDb.found).toEqual([]);
  // The application is there, sealed (or already acknowledged and purged after delivery).
  expect(outboxCount(indexedDb.stores) + (await deliveredCount(kiosk))).toBeGreaterThan(0);
});

test('a session abandoned until the idle countdown ends is wiped the same way', async ({
  kiosk,
}) => {
  await openServiceAndReadCard(kiosk, walkingAway);
  // The citizen walks off with the card, leaving the half-filled form on the screen.
  await kiosk.sim('DELETE', '/idcard/card');
  await expect(page.getByText('身份证已取走，信息已读取，可以继续办理').first()).toBeVisible();

  // 90 s of idleness (the demo's setting) bring the visible countdown; 30 s more end it.
  await page.clock.fastForward('01:31');
  await expect(page.getByRole('alertdialog').getByText('您还在吗？')).toBeVisible();
  await page.clock.fastForward('00:31');
  await expect(page.getByRole('button', { name: /请触摸屏幕开始/ })).toBeVisible();

  expect((await clearValuesInHeaps([finishing, walkingAway])).map(describeFinding)).toEqual([]);
  const indexedDb = await clearValuesInIndexedDb(page, clearValuesOf([finishing, walkingAway]));
  expect(indexedDb.found).toEqual([]);
});

/** Applications the platform holds: an acknowledged envelope leaves the kiosk's outbox. */
async function deliveredCount(kiosk: RunningKiosk): Promise<number> {
  return readPlatform<{ n: number }>(kiosk, 'SELECT count(*) AS n FROM applications')[0]!.n;
}
