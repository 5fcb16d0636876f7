import type { Page } from 'playwright-core';
import { idNumberCheckCharacter } from '../domain/id-number';
import type { RunningKiosk } from '../test/e2e/kiosk-fixture';

// The citizen's journey as the renderer benchmarks drive it: each touch names the screen it
// leads to, so a benchmark can time it or simply wait for it.

export interface Touch {
  /** "from→to", as the figures are printed. */
  name: string;
  /** Matches only once the next screen (or dialog) is in the DOM. */
  next: string;
  tap(page: Page): Promise<void>;
}

const onScreen = (screen: string) => `.shell.screen-${screen} #screen-title`;
const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name }).first().click();

export const touches = {
  start: {
    name: 'attract→catalog',
    next: onScreen('catalog'),
    tap: (page) => page.locator('.attract-touch').click(),
  },
  chooseService: {
    name: 'catalog→guide',
    next: onScreen('guide'),
    tap: (page) => button(page, /社保卡补换/),
  },
  backToCatalog: {
    name: 'guide→catalog (back)',
    next: onScreen('catalog'),
    tap: (page) => button(page, '返回'),
  },
  startApplying: {
    name: 'guide→identify',
    next: onScreen('identify'),
    tap: (page) => button(page, /开始办理/),
  },
  continueToForm: {
    name: 'identify→form',
    next: onScreen('form'),
    tap: (page) => button(page, /^继续$/),
  },
  toReview: {
    name: 'form→review',
    next: onScreen('review'),
    tap: (page) => button(page, /下一步/),
  },
  askToConfirm: {
    name: 'review→confirm dialog',
    next: '[role="alertdialog"]',
    tap: (page) => button(page, '确认提交'),
  },
  confirm: {
    name: 'confirm→submitted (seal + durable write)',
    next: onScreen('submitted'),
    tap: (page) => page.getByRole('alertdialog').getByRole('button', { name: '确认提交' }).click(),
  },
  rate: {
    name: 'submitted→rating',
    next: onScreen('rating'),
    tap: (page) => button(page, '评价本次服务'),
  },
  skipRating: {
    name: 'rating→goodbye',
    next: '.shell.screen-goodbye .goodbye',
    tap: (page) => button(page, '跳过'),
  },
  leaveGoodbye: {
    name: 'goodbye→attract',
    next: '.shell.screen-attract .attract-touch',
    tap: (page) => page.locator('.goodbye-touch').click(),
  },
  home: {
    name: 'form→attract (home)',
    next: '.shell.screen-attract .attract-touch',
    tap: (page) => button(page, '首页'),
  },
} satisfies Record<string, Touch>;

/** A made-up citizen with a valid GB 11643 number, different for every `n`. */
export function syntheticCitizen(n: number): { name: string; idNumber: string } {
  const given = '明华建国秀英志强丽娟';
  const first17 = `110105${1950 + (n % 50)}0101${String(n % 1000).padStart(3, '0')}`;
  return {
    name: `测${given[n % given.length]!}${given[(n * 7 + 3) % given.length]!}`,
    idNumber: first17 + idNumberCheckCharacter(first17),
  };
}

/** Untimed: the card on the simulated reader, and the identify screen has confirmed it. */
export async function presentCard(page: Page, kiosk: RunningKiosk, n: number): Promise<void> {
  await kiosk.sim('POST', '/idcard/card', syntheticCitizen(n));
  await page.getByText('身份已确认').first().waitFor();
}

/** Untimed: what the form needs before 下一步 (reason, phone on the keyboard, signature). */
export async function fillForm(page: Page): Promise<void> {
  await page.getByRole('radio', { name: '损坏' }).click();
  await page.getByRole('button', { name: /联系电话/ }).click();
  for (const digit of '13800138000')
    await page.locator(`.simple-keyboard [data-skbtn="${digit}"]`).first().click();
  await page.getByRole('button', { name: '完成' }).first().click();
  const box = (await page.locator('canvas').first().boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 60);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 40 + i * 30, box.y + 60 + (i % 2) * 50);
  await page.mouse.up();
}
