import type { BrowserContext, Page } from '@playwright/test';
import { issueEnrolmentCode, test as kioskTest } from './kiosk-fixture';
import { expectPlatformHoldsEachOnce, type SubmittedApplication } from './journey-platform';
import { PORTRAIT } from './screens';

/**
 * One browser profile per kiosk, as on the real machine: the kiosk enrols once with its
 * one-time code and keeps its keys and outbox in IndexedDB; each test opens a fresh tab on
 * it. Every journey file shares this worker, so one kiosk and its platform serve them all,
 * as one kiosk serves a night's citizens (a failed test costs a new worker, kiosk and profile).
 */
export const journeyTest = kioskTest.extend<
  { page: Page; pageOfItsOwn: Page },
  { kioskProfile: BrowserContext }
>({
  // The profile enrols once; a new code per test would only be thrown away.
  // eslint-disable-next-line no-empty-pattern
  enrolment: async ({}, provide) => provide(),
  kioskProfile: [
    async ({ browser, kiosk }, provide) => {
      await issueEnrolmentCode(kiosk);
      const profile = await browser.newContext({ viewport: PORTRAIT });
      await provide(profile);
      await profile.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ kioskProfile }, provide) => {
    const page = await kioskProfile.newPage();
    await provide(page);
    await page.close();
  },
  // For a test that fakes the clock: Playwright's clock belongs to the whole profile, and
  // the kiosk's other tabs must keep real time. A new profile enrols with a code of its own.
  pageOfItsOwn: async ({ browser, kiosk }, provide) => {
    await issueEnrolmentCode(kiosk);
    const profile = await browser.newContext({ viewport: PORTRAIT });
    await provide(await profile.newPage());
    await profile.close();
  },
});

/**
 * The applications a journey file submits, filled in by its tests; once the file is done,
 * the platform must hold each of them exactly once.
 */
export function submissionsOfThisFile(): SubmittedApplication[] {
  const submitted: SubmittedApplication[] = [];
  journeyTest.afterAll(({ kiosk }) => expectPlatformHoldsEachOnce(kiosk, submitted));
  return submitted;
}
