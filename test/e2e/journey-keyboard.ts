import type { Page } from '@playwright/test';

// Typing as a citizen types: key by key on the kiosk's on-screen keyboard, Chinese
// characters by their pinyin and the candidate bar.

/** Pinyin of the characters the tests type. */
const PINYIN: Record<string, string> = {
  王: 'wang',
  小: 'xiao',
  明: 'ming',
  人: 'ren',
  民: 'min',
  路: 'lu',
  号: 'hao',
  李: 'li',
  四: 'si',
};

/** Types `text` on the on-screen keyboard: digits and letters as keys, characters by pinyin. */
export async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  const keyboard = page.locator('.simple-keyboard');
  const key = (name: string) => keyboard.locator(`[data-skbtn="${name}"]`);
  const layoutIs = async (layout: string) =>
    ((await keyboard.getAttribute('class')) ?? '').includes(`layout-${layout}`);
  for (const char of Array.from(text)) {
    const pinyin = PINYIN[char];
    if (pinyin) {
      if (!(await layoutIs('pinyin'))) await key('{pinyin}').click();
      for (const letter of pinyin) await key(letter).click();
      await page
        .locator('.candidate-bar button.candidate')
        .filter({ hasText: new RegExp(`^${char}$`) })
        .first()
        .click();
    } else if (/[a-z]/.test(char)) {
      if (!(await layoutIs('english'))) await key('{english}').click();
      await key(char).click();
    } else if (char === ' ') {
      await key('{space}').click();
    } else if (/[0-9X.-]/.test(char)) {
      if (await key(char).count()) await key(char).click();
      else {
        await key('{numeric}').click();
        await key(char).click();
      }
    } else {
      throw new Error(`the test cannot type ${JSON.stringify(char)} yet`);
    }
  }
}

/** The keyboard's 完成 / Done key. */
export async function closeKeyboard(page: Page): Promise<void> {
  await page.locator('.simple-keyboard [data-skbtn="{done}"]').click();
}
