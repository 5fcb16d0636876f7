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
  type SubmittedApplication,
} from './journey-steps';
import { ScreenRecorder } from './screens';

// Every demo service with a form, submitted while the platform is unreachable: the kiosk
// must say "saved, sent when the network is back" and never, not for a moment, "submitted
// to the platform"; the receipt still prints. When the link returns the words change, and
// the platform ends with each application exactly once. The screens before the submission
// are those of the online journeys; only the ones that differ are photographed here.

test.use({ launchOptions: cameraLaunchOptions() });
// The newborn journey alone photographs five materials and types a dozen fields.
test.describe.configure({ timeout: 180_000 });

const submitted: SubmittedApplication[] = [];

const APPLICATIONS = [
  ['socialInsuranceProof', 'social-insurance-proof'],
  ['medicalInsurance', 'medical-insurance'],
  ['residencePermit', 'residence-permit'],
  ['soleProprietorship', 'sole-proprietorship'],
  ['newborn', 'newborn'],
  ['housingFund', 'housing-fund'],
  ['seniorCard', 'senior-card'],
  ['socialSecurityCard', 'social-security-card'],
] as const;

test.afterEach(({ kiosk }) => kiosk.network.online());

for (const [key, journey] of APPLICATIONS) {
  const service = demoService(SERVICE_CODES[key]);
  test(`offline: ${service.name.en}`, async ({ page, kiosk }) => {
    await kiosk.sim('DELETE', '/printer/output');
    const screens = new ScreenRecorder(page, `offline-${journey}`);
    const visit = new KioskVisit(page, kiosk);
    let ackSeen: () => Promise<boolean> = () => Promise.resolve(false);
    const application = await visit.applyFor(service, {
      beforeSubmit: async () => {
        kiosk.network.offline();
        ackSeen = await visit.watchForAcknowledgement();
      },
    });
    submitted.push(application);
    await visit.expectQueued();
    await visit.expectPrinted(application.receiptNumber);
    // The worker tried, failed, and says so calmly; the application is still only local.
    await expect(page.getByText(visit.t('banner.offline')).first()).toBeVisible();
    await visit.expectQueued();
    await screens.capture('submitted-offline');
    expect(await ackSeen(), 'claimed "submitted to the platform" while offline').toBe(false);
    expect(
      platformApplications(kiosk).filter((a) => a.receipt_number === application.receiptNumber),
    ).toEqual([]);

    kiosk.network.online();
    await visit.expectAcknowledged();
    await expect(page.getByText(visit.t('banner.offline'))).toHaveCount(0);
    await screens.capture('submitted-back-online');
    expect(
      platformApplications(kiosk).filter((a) => a.receipt_number === application.receiptNumber),
    ).toHaveLength(1);
  });
}

test('offline: progress lookup shows the local queue, then the platform', async ({
  page,
  kiosk,
}) => {
  const screens = new ScreenRecorder(page, 'offline-progress-lookup');
  const visit = new KioskVisit(page, kiosk);
  const service = demoService(SERVICE_CODES.socialInsuranceProof);
  const application = await visit.applyFor(service, {
    beforeSubmit: () => Promise.resolve(kiosk.network.offline()),
  });
  submitted.push(application);
  await visit.expectQueued();
  await visit.finish();
  await visit.takeCardAway();

  await visit.open();
  await visit.button('attract.progress').click();
  await expect(page.getByRole('heading', { name: visit.t('progress.title') })).toBeVisible();
  await expect(page.getByText(visit.t('progress.offline'))).toBeVisible();
  await screens.capture('progress-offline');
  await kiosk.sim('POST', '/idcard/card', { name: CITIZEN.name, idNumber: CITIZEN.idNumber });
  const entry = page.locator('.progress-entry', { hasText: application.receiptNumber });
  await expect(entry).toContainText(visit.t('progress.local'));
  await expect(entry).toContainText(visit.t('progress.status.queued'));
  await visit.expectNothingInClear();
  await screens.capture('progress-offline-result');

  kiosk.network.online();
  await expect(page.getByText(visit.t('progress.offline'))).toHaveCount(0, { timeout: 45_000 });
  await expect
    .poll(
      () =>
        platformApplications(kiosk).filter((a) => a.receipt_number === application.receiptNumber)
          .length,
      { timeout: 45_000 },
    )
    .toBe(1);
  await kiosk.sim('DELETE', '/idcard/card');
  await kiosk.sim('POST', '/idcard/card', { name: CITIZEN.name, idNumber: CITIZEN.idNumber });
  await expect(entry.filter({ hasText: visit.t('progress.fromPlatform') })).toBeVisible();
  await screens.capture('progress-online-result');
  await kiosk.sim('DELETE', '/idcard/card');
});

test.afterAll(({ kiosk }) => {
  expectPlatformHoldsExactly(kiosk, submitted);
});
