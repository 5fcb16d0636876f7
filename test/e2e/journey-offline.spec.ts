import { expect } from './kiosk-fixture';
import { journeyTest as test, submissionsOfThisFile } from './journey-fixture';
import { platformCopies } from './journey-platform';
import { SERVICES_WITH_A_FORM, serviceSlug } from './journey-services';
import { KioskVisit } from './journey-steps';
import { ScreenRecorder } from './screens';

// Every demo service with a form, submitted while the platform is unreachable: the kiosk
// must say "saved, sent when the network is back" and never, not for a moment, "submitted
// to the platform"; the receipt still prints. When the link returns the words change, and
// the platform holds the application exactly once. The screens before the submission are
// those of the online journeys; only the ones that differ are photographed here.

// The newborn journey alone photographs five materials and types a dozen fields.
test.describe.configure({ timeout: 180_000 });

const submitted = submissionsOfThisFile();

test.afterEach(({ kiosk }) => kiosk.network.online());

for (const service of SERVICES_WITH_A_FORM) {
  test(`offline: ${service.name.en}`, async ({ page, kiosk }) => {
    await kiosk.sim('DELETE', '/printer/output');
    const screens = new ScreenRecorder(page, `offline-${serviceSlug(service)}`);
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
    expect(platformCopies(kiosk, application.receiptNumber)).toBe(0);

    kiosk.network.online();
    await visit.expectAcknowledged();
    await expect(page.getByText(visit.t('banner.offline'))).toHaveCount(0);
    await screens.capture('submitted-back-online');
    expect(platformCopies(kiosk, application.receiptNumber)).toBe(1);
  });
}
