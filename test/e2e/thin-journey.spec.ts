import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from './kiosk-fixture';

// The thin journey of the foundation issue, through every layer: the attract screen, a
// service from the demo catalogue, the simulated card on the reader, the form prefilled from
// the card, submit, sealed into the Dexie outbox, the receipt printed, and the sync worker's
// delivery to the local platform, whose database then holds exactly that one application.

const citizen = { name: '张三丰', idNumber: '11010519491231002X' };

function platformApplications(dataDir: string) {
  const db = new Database(join(dataDir, 'platform', 'platform.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db
      .prepare('SELECT id, service_code, receipt_number, id_hash, content FROM applications')
      .all() as Array<{
      id: string;
      service_code: string;
      receipt_number: string;
      id_hash: string;
      content: string;
    }>;
  } finally {
    db.close();
  }
}

test('a citizen applies with an ID card and the platform stores exactly that application', async ({
  page,
  kiosk,
}) => {
  await kiosk.sim('DELETE', '/printer/output');
  // Other tests may share this kiosk and its platform: count what this journey adds.
  const before = platformApplications(kiosk.dataDir).length;
  await page.goto(kiosk.url);

  await page.getByRole('button', { name: /请触摸屏幕开始/ }).click();
  await page
    .getByRole('button', { name: /社保卡补换/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /社保卡补换/ }).first()).toBeVisible();
  await page.getByRole('button', { name: /开始办理/ }).click();

  await expect(page.getByText('请将身份证放在读卡区').first()).toBeVisible();
  await kiosk.sim('POST', '/idcard/card', citizen);
  await expect(page.getByText('身份已确认').first()).toBeVisible();
  // Shown masked, never in clear.
  await expect(page.getByText('张*丰').first()).toBeVisible();
  await expect(page.getByText('110105********002X').first()).toBeVisible();
  await expect(page.getByText(citizen.idNumber)).toHaveCount(0);
  await page.getByRole('button', { name: /^继续$/ }).click();

  // The form is prefilled from the card; the rest is typed on the on-screen keyboard.
  await expect(page.getByText('已根据身份证自动填写，请核对').first()).toBeVisible();
  await page.getByRole('radio', { name: '损坏' }).click();
  await page.getByRole('button', { name: /联系电话/ }).click();
  for (const digit of '13800138000')
    await page.locator(`.simple-keyboard [data-skbtn="${digit}"]`).first().click();
  await page.getByRole('button', { name: '完成' }).first().click();
  const pad = page.locator('canvas').first();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 40 + i * 30, box.y + 60 + (i % 2) * 50);
  await page.mouse.up();
  // The ID card itself was read from the chip: this service has nothing to photograph.
  await page.getByRole('button', { name: /下一步/ }).click();
  await expect(page.getByRole('heading', { name: '请核对申请信息' })).toBeVisible();
  await expect(page.getByText(citizen.name)).toHaveCount(0);

  await page.getByRole('button', { name: '确认提交' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('申请已受理').first()).toBeVisible();
  const receiptNumber = (await page.getByTestId('receipt-number').textContent())?.trim() ?? '';
  expect(receiptNumber).not.toBe('');

  // The receipt came out of the (simulated) printer, masked.
  await expect
    .poll(async () => JSON.stringify(await kiosk.sim('GET', '/printer/output')), {
      timeout: 20_000,
    })
    .toContain(receiptNumber);
  const printed = JSON.stringify(await kiosk.sim('GET', '/printer/output'));
  expect(printed).toContain('张*丰');
  expect(printed).not.toContain(citizen.idNumber);
  expect(printed).not.toContain(citizen.name);

  // Honest status: "submitted to the platform" only once the platform acknowledged.
  await expect(page.getByText('已提交至平台').first()).toBeVisible({ timeout: 30_000 });
  const stored = platformApplications(kiosk.dataDir);
  expect(stored).toHaveLength(before + 1);
  const ours = stored.filter((row) => row.receipt_number === receiptNumber);
  expect(ours).toHaveLength(1);
  expect(ours[0]!.service_code).toBe('000131150000');
  expect(ours[0]!.id_hash).not.toContain(citizen.idNumber);

  // The kiosk's heartbeats carry its devices' health to the platform's fleet view.
  await expect
    .poll(
      () => {
        const db = new Database(join(kiosk.dataDir, 'platform', 'platform.db'), { readonly: true });
        try {
          return (db.prepare('SELECT content FROM heartbeats').all() as Array<{ content: string }>)
            .map((r) => r.content)
            .join();
        } finally {
          db.close();
        }
      },
      { timeout: 30_000 },
    )
    .toContain('"role":"printer"');

  // IndexedDB holds the application only sealed: neither the name nor the number in clear.
  const clearInIndexedDb = await page.evaluate(
    async (needles) => {
      const found: string[] = [];
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
          const text = JSON.stringify(rows);
          for (const needle of needles)
            if (text.includes(needle)) found.push(`${store}: ${needle.length} chars`);
        }
        db.close();
      }
      return found;
    },
    [citizen.name, citizen.idNumber],
  );
  expect(clearInIndexedDb).toEqual([]);
});
