import { expect } from './kiosk-fixture';
import {
  journeyTest as test,
  CITIZEN,
  KioskVisit,
  SERVICE_CODES,
  cameraLaunchOptions,
  demoService,
  expectPlatformHoldsExactly,
  platformApplications,
  platformRatings,
  typeOnKeyboard,
  type SubmittedApplication,
} from './journey-steps';
import { ScreenRecorder } from './screens';

// What goes otherwise than planned, and what comes after: 容缺, a printer out of paper, a
// card taken away mid-flow, a citizen who walks off, the rating, the progress lookup.

test.use({ launchOptions: cameraLaunchOptions() });

const submitted: SubmittedApplication[] = [];

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
  await visit.chooseService(service);
  await visit.startService();
  await visit.identifyByCard();
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
  page,
  kiosk,
}) => {
  await page.clock.install();
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'timeout'));
  const service = demoService(SERVICE_CODES.socialSecurityCard);
  await visit.open();
  await visit.touchToStart();
  await visit.chooseService(service);
  await visit.startService();
  await visit.identifyByCard();
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

test('rating: 不满意 needs a reason, and the platform receives the rating', async ({
  page,
  kiosk,
}) => {
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'rating'));
  const service = demoService(SERVICE_CODES.socialInsuranceProof);
  const application = await visit.applyFor(service);
  submitted.push(application);
  await visit.expectAcknowledged();
  await visit.button('submitted.rate').click();
  await expect(page.getByRole('heading', { name: visit.t('rating.title') })).toBeVisible();
  await visit.shot('rating');
  await page.getByRole('radio', { name: visit.t('rating.2') }).click();
  await visit.button('rating.submit').click();
  await expect(page.getByRole('alert')).toHaveText(visit.t('rating.chooseReason'));
  await page.getByRole('checkbox', { name: visit.t('rating.reason.interface') }).click();
  await page.getByRole('button', { name: visit.t('rating.comment') }).click();
  await typeOnKeyboard(page, 'font too small');
  await page.locator('.simple-keyboard [data-skbtn="{done}"]').click();
  await visit.shot('rating-bad');
  await visit.button('rating.submit').click();
  await expect(page.getByText(visit.t('goodbye.title'))).toBeVisible();
  await visit.shot('goodbye');

  const stored = platformApplications(kiosk).find(
    (a) => a.receipt_number === application.receiptNumber,
  );
  await expect
    .poll(() => platformRatings(kiosk).filter((r) => r.application_id === stored?.id), {
      timeout: 45_000,
    })
    .toEqual([expect.objectContaining({ level: 2 })]);
});

test('progress lookup: from the catalogue, by card, by receipt number and by the receipt QR', async ({
  page,
  kiosk,
}) => {
  const mine = submitted.at(-1);
  test.skip(!mine, 'needs an application from an earlier test of this file');
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'progress-lookup'));
  const service = demoService(SERVICE_CODES.progressLookup);
  await visit.open();
  await visit.shot('attract');
  await visit.touchToStart();
  await visit.chooseService(service);
  await visit.startService();
  await expect(page.getByRole('heading', { name: visit.t('progress.title') })).toBeVisible();
  await visit.shot('progress');

  await kiosk.sim('POST', '/idcard/card', { name: CITIZEN.name, idNumber: CITIZEN.idNumber });
  const results = page.locator('.progress-results');
  for (const application of submitted)
    await expect(results).toContainText(application.receiptNumber);
  await expect(results).toContainText(visit.t('progress.fromPlatform'));
  await visit.expectNothingInClear();
  await visit.shot('progress-by-card');
  await kiosk.sim('DELETE', '/idcard/card');

  await visit.button('progress.byReceipt').click();
  await typeOnKeyboard(page, mine!.receiptNumber.toLowerCase());
  await expect(page.locator('output.big-input')).toHaveText(mine!.receiptNumber);
  await visit.shot('progress-receipt-typed');
  await visit.button('progress.search').click();
  await expect(results.locator('.progress-entry')).toHaveCount(1);
  await expect(results).toContainText(mine!.receiptNumber);
  await visit.shot('progress-by-receipt');

  await visit.button('nav.home').click();
  await visit.button('attract.progress').click();
  await kiosk.sim('POST', '/scanner/scan', {
    text: `${kiosk.platformUrl}/progress/${mine!.receiptNumber}`,
  });
  await expect(results.locator('.progress-entry')).toHaveCount(1);
  await expect(results).toContainText(mine!.receiptNumber);
});

test.afterAll(({ kiosk }) => {
  expectPlatformHoldsExactly(kiosk, submitted);
});
