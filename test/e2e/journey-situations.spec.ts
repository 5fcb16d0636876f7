import { expect } from './kiosk-fixture';
import { CITIZEN } from './journey-answers';
import { journeyTest as test, submissionsOfThisFile } from './journey-fixture';
import { SERVICE_CODES, demoService } from './journey-services';
import { KioskVisit } from './journey-steps';
import { ScreenRecorder } from './screens';

// What goes otherwise than planned: 容缺, a printer out of paper, a card taken away
// mid-flow, a citizen who walks off.

const submitted = submissionsOfThisFile();

test.afterEach(async ({ kiosk }) => {
  await kiosk.sim('POST', '/printer/paper', { state: 'ok' });
});

test('容缺: a deferrable material is promised for later, with its deadline', async ({
  page,
  kiosk,
}) => {
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'deferred-material'));
  const service = demoService(SERVICE_CODES.residencePermit);
  const application = await visit.applyFor(service, {
    materials: { capture: ['photo', 'residence-proof'], defer: ['work-study-proof'] },
  });
  submitted.push(application);
  // The deadline is on the submitted screen and on the receipt.
  const deadline = page.locator('.callout-warn', { hasText: '就业或就读证明' });
  await expect(deadline).toContainText(/请于 \d{4}-\d{2}-\d{2} 前补交/);
  await visit.expectPrinted(application.receiptNumber);
  await visit.expectAcknowledged();
  await visit.shot('submitted');
});

test('printer out of paper: the application goes in, the screen shows the receipt instead', async ({
  page,
  kiosk,
}) => {
  await kiosk.sim('DELETE', '/printer/output');
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'printer-out-of-paper'));
  const service = demoService(SERVICE_CODES.socialSecurityCard);
  const application = await visit.applyFor(service, {
    beforeSubmit: () => kiosk.sim('POST', '/printer/paper', { state: 'out' }).then(() => undefined),
  });
  submitted.push(application);
  await expect(page.getByText(visit.t('submitted.printFailed'))).toBeVisible();
  await expect(page.getByTestId('receipt-number')).toHaveText(application.receiptNumber);
  expect(await kiosk.sim('GET', '/printer/output')).toEqual([]);
  await visit.expectAcknowledged();
  await visit.shot('submitted-print-failed');
});

test('card removed mid-flow: the citizen carries on, and taking it at the end starts the countdown', async ({
  page,
  kiosk,
}) => {
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'card-removed'));
  const service = demoService(SERVICE_CODES.socialSecurityCard);
  await visit.open();
  await visit.touchToStart();
  await visit.identifiedFor(service);
  await visit.takeCardAway();
  await expect(page.getByText(visit.t('notice.cardRemovedContinue'))).toBeVisible();
  await visit.shot('form-card-removed');
  // Back on the reader while the form is filled, so the host has long seen it by the end.
  await kiosk.sim('POST', '/idcard/card', { name: CITIZEN.name, idNumber: CITIZEN.idNumber });
  await visit.fillForm(service);
  await visit.formNext();
  const application = await visit.reviewAndSubmit(service);
  submitted.push(application);
  await visit.expectAcknowledged();

  // Taken off once the application is in: the sign of leaving.
  await visit.takeCardAway();
  const warning = page.getByRole('alertdialog', { name: visit.t('timeout.title') });
  await expect(warning).toBeVisible();
  await visit.shot('submitted-countdown');
  await visit.button('timeout.continue', warning).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByRole('heading', { name: visit.t('submitted.title') })).toBeVisible();
  await visit.finish();
});

test('timeout: a warning with a countdown, one touch continues, then the privacy wipe', async ({
  pageOfItsOwn: page,
  kiosk,
}) => {
  await page.clock.install();
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'timeout'));
  const service = demoService(SERVICE_CODES.socialSecurityCard);
  await visit.open();
  await visit.touchToStart();
  await visit.identifiedFor(service);
  const warning = page.getByRole('alertdialog', { name: visit.t('timeout.title') });
  await expect(warning).toHaveCount(0);

  // Idle past the default 90 s: the warning counts down at least 20 s.
  await page.clock.fastForward('01:31');
  await expect(warning).toBeVisible();
  const seconds = Number(await warning.locator('.timeout-count').textContent());
  expect(seconds).toBeGreaterThanOrEqual(20);
  await visit.shot('timeout-warning');
  await visit.button('timeout.continue', warning).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByText(CITIZEN.maskedName).first()).toBeVisible();

  await page.clock.fastForward('01:31');
  await expect(warning).toBeVisible();
  await page.clock.fastForward('00:31');
  await expect(visit.attractButton()).toBeVisible();
  await visit.shot('after-timeout');
  // Nothing of the citizen is left: the next one starts from an empty reader screen.
  await expect(page.getByText(CITIZEN.maskedName)).toHaveCount(0);
  await visit.touchToStart();
  await visit.serviceTile(service).click();
  await visit.startService();
  await expect(page.getByText(visit.t('identify.cardPrompt')).first()).toBeVisible();
  await expect(page.getByText(CITIZEN.maskedId)).toHaveCount(0);
});
