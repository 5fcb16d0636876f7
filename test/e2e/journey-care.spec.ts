import type { Page } from '@playwright/test';
import { expect } from './kiosk-fixture';
import { journeyTest as test, submissionsOfThisFile } from './journey-fixture';
import { SERVICE_CODES, demoService } from './journey-services';
import { KioskVisit } from './journey-steps';
import { ScreenRecorder } from './screens';

// The same journeys for those the default screens do not suit: elderly mode (长辈版) with its
// larger text and targets, and the English interface for foreign residents.

const submitted = submissionsOfThisFile();

/** The 适老化 figures of docs/domain.md, measured on the screen as drawn. */
async function elderlyMeasures(page: Page) {
  return page.evaluate(() => {
    const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const body = getComputedStyle(document.querySelector('.screen-body') ?? document.body);
    const small: string[] = [];
    for (const button of Array.from(document.querySelectorAll('main button'))) {
      const rect = button.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.width < 60 || rect.height < 60)
        small.push(
          `${button.textContent?.trim().slice(0, 12) ?? ''} ${Math.round(rect.width)}×${Math.round(rect.height)}`,
        );
    }
    const large = Array.from(document.querySelectorAll('main .btn-large')).map((b) =>
      parseFloat(getComputedStyle(b).fontSize),
    );
    return {
      textPx: Math.min(root, parseFloat(body.fontSize)),
      lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
      smallestActionPx: Math.min(...large),
      smallTargets: small,
    };
  });
}

async function expectElderlySizes(page: Page) {
  const m = await elderlyMeasures(page);
  // 18 pt main text = 24 px, 30 pt key actions = 40 px, line spacing 1.3, targets 60×60.
  expect(m.textPx).toBeGreaterThanOrEqual(24);
  expect(m.lineHeight).toBeGreaterThanOrEqual(1.3);
  if (Number.isFinite(m.smallestActionPx)) expect(m.smallestActionPx).toBeGreaterThanOrEqual(40);
  expect.soft(m.smallTargets, 'touch targets under 60×60 px in elderly mode').toEqual([]);
}

test('elderly mode: reachable from the first screen, large throughout, submitted', async ({
  page,
  kiosk,
}) => {
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'elderly-mode'));
  const service = demoService(SERVICE_CODES.seniorCard);
  await visit.open();
  await page.getByRole('button', { name: visit.t('header.elderlyLabel') }).click();
  await expect(page.locator('html')).toHaveAttribute('data-elderly', 'true');
  await visit.shot('attract');
  await visit.touchToStart();
  await expectElderlySizes(page);
  await visit.identifiedFor(service);
  await expectElderlySizes(page);
  await visit.fillForm(service);
  await visit.formNext();
  await visit.provideMaterials(service, { capture: ['photo'] });
  await expectElderlySizes(page);
  const application = await visit.reviewAndSubmit(service);
  submitted.push(application);
  await expect(page.locator('html')).toHaveAttribute('data-elderly', 'true');
  await visit.expectAcknowledged();
  await visit.shot('submitted');
  await expectElderlySizes(page);
  await visit.finish();
  await expect(page.locator('html')).toHaveAttribute('data-elderly', 'true');
  await visit.shot('goodbye');
  // The choice belongs to the citizen who made it: the next one starts standard.
  await visit.awaitNextCitizen();
  await expect(page.locator('html')).toHaveAttribute('data-elderly', 'false');
});

test('English: every screen in English, submitted', async ({ page, kiosk }) => {
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'english'));
  const service = demoService(SERVICE_CODES.socialSecurityCard);
  await visit.open();
  await page.getByRole('button', { name: visit.t('header.languageLabel') }).click();
  visit.locale = 'en';
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(visit.attractButton()).toBeVisible();
  await visit.shot('attract');
  await visit.touchToStart();
  await visit.identifiedFor(service);
  await visit.fillForm(service);
  await visit.formNext();
  const application = await visit.reviewAndSubmit(service);
  submitted.push(application);
  await visit.expectAcknowledged();
  await visit.shot('submitted');
  await visit.button('submitted.rate').click();
  await expect(page.getByRole('heading', { name: visit.t('rating.title') })).toBeVisible();
  await visit.shot('rating');
  await page.getByRole('radio', { name: visit.t('rating.5'), exact: true }).click();
  await visit.button('rating.submit').click();
  // The farewell is still in the citizen's language; the next citizen starts in Chinese.
  await expect(visit.farewell()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await visit.shot('goodbye');
  await visit.awaitNextCitizen();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
