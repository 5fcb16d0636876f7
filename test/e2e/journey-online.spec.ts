import { journeyTest as test, submissionsOfThisFile } from './journey-fixture';
import { SERVICES_WITH_A_FORM, serviceSlug } from './journey-services';
import { KioskVisit } from './journey-steps';
import { ScreenRecorder } from './screens';

// Every demo service with a form, applied for online from the attract screen to the printed
// receipt and the platform's acknowledgement, every screen photographed and checked with axe.

// The newborn journey alone photographs five materials and types a dozen fields.
test.describe.configure({ timeout: 180_000 });

const submitted = submissionsOfThisFile();

for (const service of SERVICES_WITH_A_FORM) {
  test(`online: ${service.name.en}`, async ({ page, kiosk }) => {
    await kiosk.sim('DELETE', '/printer/output');
    const visit = new KioskVisit(
      page,
      kiosk,
      new ScreenRecorder(page, `online-${serviceSlug(service)}`),
    );
    const application = await visit.applyFor(service);
    submitted.push(application);
    await visit.expectPrinted(application.receiptNumber);
    await visit.expectAcknowledged();
    await visit.shot('submitted');
    await visit.finish();
    await visit.shot('goodbye');
  });
}
