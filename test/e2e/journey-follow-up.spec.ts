import { expect } from './kiosk-fixture';
import { CITIZEN } from './journey-answers';
import { journeyTest as test, submissionsOfThisFile } from './journey-fixture';
import { closeKeyboard, typeOnKeyboard } from './journey-keyboard';
import { platformApplications, platformCopies, platformRatings } from './journey-platform';
import { SERVICE_CODES, demoService } from './journey-services';
import { KioskVisit } from './journey-steps';
import { ScreenRecorder } from './screens';

// What comes after an application: the rating (好差评), and the progress lookup by card, by
// receipt number and by the receipt's QR code, offline from the kiosk's own queue and
// online from the platform.

const submitted = submissionsOfThisFile();

test('rating: 不满意 needs a reason, and the platform receives the rating', async ({
  page,
  kiosk,
}) => {
  // The application's own screens are the online journey's; only the rating's are shot here.
  const screens = new ScreenRecorder(page, 'rating');
  const visit = new KioskVisit(page, kiosk);
  const service = demoService(SERVICE_CODES.socialInsuranceProof);
  const application = await visit.applyFor(service);
  submitted.push(application);
  await visit.expectAcknowledged();
  await visit.button('submitted.rate').click();
  await expect(page.getByRole('heading', { name: visit.t('rating.title') })).toBeVisible();
  await screens.capture('rating');
  await page.getByRole('radio', { name: visit.t('rating.2'), exact: true }).click();
  await visit.button('rating.submit').click();
  await expect(page.getByRole('alert')).toHaveText(visit.t('rating.chooseReason'));
  await page
    .getByRole('checkbox', { name: visit.t('rating.reason.interface'), exact: true })
    .click();
  await page.getByRole('button', { name: visit.t('rating.comment') }).click();
  await typeOnKeyboard(page, 'font too small');
  await closeKeyboard(page);
  await screens.capture('rating-bad');
  await visit.button('rating.submit').click();
  await expect(visit.farewell()).toBeVisible();
  await screens.capture('goodbye');

  const stored = platformApplications(kiosk).find(
    (a) => a.receipt_number === application.receiptNumber,
  );
  expect(stored, 'the rated application is on the platform').toBeDefined();
  await expect
    .poll(() => platformRatings(kiosk).filter((r) => r.application_id === stored?.id), {
      timeout: 45_000,
    })
    .toEqual([expect.objectContaining({ level: 2 })]);
});

test('progress lookup: offline from the queue, then from the platform by card, receipt number and QR', async ({
  page,
  kiosk,
}) => {
  const screens = new ScreenRecorder(page, 'progress-lookup');
  const visit = new KioskVisit(page, kiosk);
  const application = await visit.applyFor(demoService(SERVICE_CODES.socialInsuranceProof), {
    beforeSubmit: () => Promise.resolve(kiosk.network.offline()),
  });
  submitted.push(application);
  await visit.expectQueued();
  const receipt = await visit.expectPrinted(application.receiptNumber);
  await visit.finish();
  await visit.takeCardAway();

  // Offline: what this kiosk knows, said to be local.
  await visit.open();
  await visit.button('attract.progress').click();
  await expect(page.getByRole('heading', { name: visit.t('progress.title') })).toBeVisible();
  await expect(page.getByText(visit.t('progress.offline'))).toBeVisible();
  await screens.capture('progress-offline');
  await kiosk.sim('POST', '/idcard/card', { name: CITIZEN.name, idNumber: CITIZEN.idNumber });
  const results = page.locator('.progress-results');
  const entry = results.locator('.progress-entry', { hasText: application.receiptNumber });
  await expect(entry).toContainText(visit.t('progress.local'));
  await expect(entry).toContainText(visit.t('progress.status.queued'));
  await visit.expectNothingInClear();
  await screens.capture('progress-offline-by-card');
  await visit.takeCardAway();

  // The link returns: the queue drains, and the same card now reads the platform's record.
  kiosk.network.online();
  await expect(page.getByText(visit.t('progress.offline'))).toHaveCount(0, { timeout: 75_000 });
  await expect
    .poll(() => platformCopies(kiosk, application.receiptNumber), { timeout: 45_000 })
    .toBe(1);
  await kiosk.sim('POST', '/idcard/card', { name: CITIZEN.name, idNumber: CITIZEN.idNumber });
  await expect(entry).toContainText(visit.t('progress.fromPlatform'));
  await visit.expectNothingInClear();
  await screens.capture('progress-by-card');
  await visit.takeCardAway();

  // By the receipt number, typed (in lower case: the kiosk reads it as upper).
  await visit.button('progress.byReceipt').click();
  await typeOnKeyboard(page, application.receiptNumber.toLowerCase());
  await expect(page.locator('output.big-input')).toHaveText(application.receiptNumber);
  await screens.capture('progress-receipt-typed');
  await visit.button('progress.search').click();
  await expect(results.locator('.progress-entry')).toHaveCount(1);
  await expect(entry).toContainText(visit.t('progress.fromPlatform'));
  await screens.capture('progress-by-receipt');

  // From the catalogue's 进度查询, by the QR code printed on the receipt.
  await visit.button('nav.home').click();
  await visit.touchToStart();
  await visit.serviceTile(demoService(SERVICE_CODES.progressLookup)).click();
  await visit.startService();
  await expect(page.getByRole('heading', { name: visit.t('progress.title') })).toBeVisible();
  expect(receipt.qr).toHaveLength(1);
  await kiosk.sim('POST', '/scanner/scan', { text: receipt.qr[0] });
  await expect(results.locator('.progress-entry')).toHaveCount(1);
  await expect(entry).toContainText(visit.t('progress.fromPlatform'));
  await screens.capture('progress-by-qr');
});
