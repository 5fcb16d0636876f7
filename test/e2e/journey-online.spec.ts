import { expect } from './kiosk-fixture';
import {
  journeyTest as test,
  KioskVisit,
  SERVICE_CODES,
  cameraLaunchOptions,
  demoService,
  expectPlatformHoldsExactly,
  type SubmittedApplication,
} from './journey-steps';
import { ScreenRecorder } from './screens';

// Every demo service with a form, applied for online from the attract screen to the printed
// receipt and the platform's acknowledgement. One kiosk serves the whole file, as one kiosk
// serves a night's citizens; at the end its platform holds each application exactly once.

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

for (const [key, journey] of APPLICATIONS) {
  const service = demoService(SERVICE_CODES[key]);
  test(`online: ${service.name.en}`, async ({ page, kiosk }) => {
    await kiosk.sim('DELETE', '/printer/output');
    const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, `online-${journey}`));
    const application = await visit.applyFor(service);
    submitted.push(application);
    await visit.expectPrinted(application.receiptNumber);
    await visit.expectAcknowledged();
    await visit.shot('submitted');
    await visit.finish();
    await visit.shot('goodbye');
  });
}

test('online: Real estate registration enquiry', async ({ page, kiosk }) => {
  // An enquiry of kind 'query' that has an application form: the right holder's card and a
  // signed request, not the progress lookup.
  const service = demoService(SERVICE_CODES.realEstateEnquiry);
  const visit = new KioskVisit(page, kiosk, new ScreenRecorder(page, 'online-real-estate-enquiry'));
  await visit.open();
  await visit.touchToStart();
  await visit.chooseService(service);
  await visit.startService();
  await expect(page.getByRole('heading', { name: visit.t('identify.title') })).toBeVisible({
    timeout: 5_000,
  });
  const application = await visit.applyFor(service);
  submitted.push(application);
  await visit.expectAcknowledged();
});

test.afterAll(({ kiosk }) => {
  expect(submitted.length).toBeGreaterThan(0);
  expectPlatformHoldsExactly(kiosk, submitted);
});
