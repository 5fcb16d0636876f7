import { expect, type Page } from '@playwright/test';

// The shortest journey the demo catalogue has, 社保卡补换, driven by its Chinese labels: the
// specs that prove something beside the journey (privacy, a host restart, every layer once)
// walk it the same way; the journey specs proper go through KioskVisit instead. Imported as
// a namespace: `socialSecurityCard.start(page)`.

/** From the attract screen to the card reader's prompt of 社保卡补换. */
export async function start(page: Page): Promise<void> {
  await page.getByRole('button', { name: /请触摸屏幕开始/ }).click();
  await page
    .getByRole('button', { name: /社保卡补换/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /社保卡补换/ }).first()).toBeVisible();
  await page.getByRole('button', { name: /开始办理/ }).click();
  await expect(page.getByText('请将身份证放在读卡区').first()).toBeVisible();
}

/** The form prefilled from the card; the rest (a damaged card, a phone) on the keyboard. */
export async function fillDamagedCardForm(page: Page): Promise<void> {
  await expect(page.getByText('已根据身份证自动填写，请核对').first()).toBeVisible();
  await page.getByRole('radio', { name: '损坏' }).click();
  await page.getByRole('button', { name: /联系电话/ }).click();
  for (const digit of '13800138000')
    await page.locator(`.simple-keyboard [data-skbtn="${digit}"]`).first().click();
  await page.getByRole('button', { name: '完成' }).first().click();
}

/** A zigzag on the signature pad. */
export async function sign(page: Page): Promise<void> {
  const pad = page.locator('canvas').first();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 40 + i * 30, box.y + 60 + (i % 2) * 50);
  await page.mouse.up();
}

/** From the signed form to the review screen (the chip gave the card: nothing to photograph). */
export async function goToReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: /下一步/ }).click();
  await expect(page.getByRole('heading', { name: '请核对申请信息' })).toBeVisible();
}

/** Submits from the review screen, through the confirmation dialog, to 申请已受理. */
export async function submit(page: Page): Promise<void> {
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('申请已受理').first()).toBeVisible();
}
