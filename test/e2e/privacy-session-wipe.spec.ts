import Database from 'better-sqlite3';
import { join } from 'node:path';
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
  await page.getByRole('button', { name: /请触摸屏幕开始/ }).click();
  await page
    .getByRole('button', { name: /社保卡补换/ })
    .first()
    .click();
  await page.getByRole('button', { name: /开始办理/ }).click();
  await expect(page.getByText('请将身份证放在读卡区').first()).toBeVisible();
  await kiosk.sim('POST', '/idcard/card', { name: citizen.name, idNumber: citizen.idNumber });
  await expect(page.getByText('身份已确认').first()).toBeVisible();
  await expect(page.getByText(citizen.maskedName).first()).toBeVisible();
  await expect(page.getByText(citizen.maskedId).first()).toBeVisible();
  await page.getByRole('button', { name: /^继续$/ }).click();
  await expect(page.getByText('已根据身份证自动填写，请核对').first()).toBeVisible();
  await page.getByRole('radio', { name: '损坏' }).click();
  await page.getByRole('button', { name: /联系电话/ }).click();
  for (const digit of '13800138000')
    await page.locator(`.simple-keyboard [data-skbtn="${digit}"]`).first().click();
  await page.getByRole('button', { name: '完成' }).first().click();
}

async function sign() {
  const pad = page.locator('canvas').first();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 40 + i * 30, box.y + 60 + (i % 2) * 50);
  await page.mouse.up();
}

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

/**
 * Every record of every IndexedDB object store, read raw in the page and searched here:
 * as JSON, and binary values (ArrayBuffers, typed arrays, Blobs) as UTF-8 and UTF-16.
 */
async function clearValuesInIndexedDb(citizens: Citizen[]): Promise<{
  found: string[];
  stores: Record<string, number>;
}> {
  const dump = await page.evaluate(async () => {
    const encode = (bytes: Uint8Array) => {
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    };
    const binaries: string[] = [];
    const plain = async (value: unknown): Promise<unknown> => {
      if (value instanceof Blob) {
        binaries.push(encode(new Uint8Array(await value.arrayBuffer())));
        return '[blob]';
      }
      if (value instanceof ArrayBuffer) {
        binaries.push(encode(new Uint8Array(value)));
        return '[bytes]';
      }
      if (ArrayBuffer.isView(value)) {
        binaries.push(encode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
        return '[bytes]';
      }
      if (Array.isArray(value)) return Promise.all(value.map(plain));
      if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = await plain(v);
        return out;
      }
      return value;
    };
    const stores: Record<string, { json: string; count: number }> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        stores[`${info.name}/${store}`] = {
          json: JSON.stringify(await plain(rows)),
          count: rows.length,
        };
      }
      db.close();
    }
    return { stores, binaries };
  });
  const found: string[] = [];
  const binaries = dump.binaries.map((b) => Buffer.from(b, 'base64'));
  for (const citizen of citizens) {
    for (const value of [citizen.name, citizen.idNumber]) {
      for (const [store, { json }] of Object.entries(dump.stores))
        if (json.includes(value)) found.push(`${store}: ${value.length} chars in clear`);
      const utf8 = Buffer.from(value, 'utf8');
      const utf16 = Buffer.from(value, 'utf16le');
      if (binaries.some((b) => b.includes(utf8) || b.includes(utf16)))
        found.push(`binary value: ${value.length} chars in clear`);
    }
  }
  const stores = Object.fromEntries(Object.entries(dump.stores).map(([k, v]) => [k, v.count]));
  return { found, stores };
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
  await sign();
  await page.getByRole('button', { name: /下一步/ }).click();
  await expect(page.getByRole('heading', { name: '请核对申请信息' })).toBeVisible();
  // The probe's own check: mid-session the heap must hold the values, or it proves nothing.
  const live = await clearValuesInHeaps([finishing]);
  expect(live.filter((f) => f.heap === 'page').map((f) => f.value)).toEqual(['name', 'ID number']);
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('申请已受理').first()).toBeVisible();
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
  const indexedDb = await clearValuesInIndexedDb([finishing]);
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
  const indexedDb = await clearValuesInIndexedDb([finishing, walkingAway]);
  expect(indexedDb.found).toEqual([]);
});

/** Applications the platform holds: an acknowledged envelope leaves the kiosk's outbox. */
async function deliveredCount(kiosk: RunningKiosk): Promise<number> {
  const db = new Database(join(kiosk.dataDir, 'platform', 'platform.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return (db.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
