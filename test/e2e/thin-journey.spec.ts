import { clearValuesInIndexedDb } from './indexeddb-clear-values';
import { platformApplications, readPlatform } from './journey-platform';
import { expect, test } from './kiosk-fixture';
import * as socialSecurityCard from './social-security-card';

// The thin journey of the foundation issue, through every layer: the attract screen, a
// service from the demo catalogue, the simulated card on the reader, the form prefilled from
// the card, submit, sealed into the Dexie outbox, the receipt printed, and the sync worker's
// delivery to the local platform, whose database then holds exactly that one application.

const citizen = { name: '张三丰', idNumber: '11010519491231002X' };

test('a citizen applies with an ID card and the platform stores exactly that application', async ({
  page,
  kiosk,
}) => {
  await kiosk.sim('DELETE', '/printer/output');
  // Other tests may share this kiosk and its platform: count what this journey adds.
  const before = platformApplications(kiosk).length;
  await page.goto(kiosk.url);

  await socialSecurityCard.start(page);
  await kiosk.sim('POST', '/idcard/card', citizen);
  await expect(page.getByText('身份已确认').first()).toBeVisible();
  // Shown masked, never in clear.
  await expect(page.getByText('张*丰').first()).toBeVisible();
  await expect(page.getByText('110105********002X').first()).toBeVisible();
  await expect(page.getByText(citizen.idNumber)).toHaveCount(0);
  await page.getByRole('button', { name: /^继续$/ }).click();

  // The form is prefilled from the card; the rest is typed on the on-screen keyboard.
  await socialSecurityCard.fillDamagedCardForm(page);
  await socialSecurityCard.sign(page);
  // The ID card itself was read from the chip: this service has nothing to photograph.
  await socialSecurityCard.goToReview(page);
  await expect(page.getByText(citizen.name)).toHaveCount(0);

  await socialSecurityCard.submit(page);
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
  const stored = platformApplications(kiosk);
  expect(stored).toHaveLength(before + 1);
  const ours = stored.filter((row) => row.receipt_number === receiptNumber);
  expect(ours).toHaveLength(1);
  expect(ours[0]!.service_code).toBe('000131150000');
  expect(ours[0]!.id_hash).not.toContain(citizen.idNumber);

  // The kiosk's heartbeats carry its devices' health to the platform's fleet view.
  await expect
    .poll(
      () =>
        readPlatform<{ content: string }>(kiosk, 'SELECT content FROM heartbeats')
          .map((r) => r.content)
          .join(),
      { timeout: 30_000 },
    )
    .toContain('"role":"printer"');

  // IndexedDB holds the application only sealed: neither the name nor the number in clear.
  const indexedDb = await clearValuesInIndexedDb(page, [citizen.name, citizen.idNumber]);
  expect(indexedDb.found).toEqual([]);
});
