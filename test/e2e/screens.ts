import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { blockingAxeFindings, describeFindings, screenIdentity } from './journey-axe';

// Every screen a journey passes through is photographed upright (the kiosk's usual portrait
// monitor) and on its side (landscape models), and checked with axe. The shots go to
// test-results/screens/<journey>/<nn>-<screen>-<portrait|landscape>.png, the folder CI
// keeps for reviewers. Names and ID numbers on screen are already masked by the app.

export const PORTRAIT = { width: 1080, height: 1920 } as const;
export const LANDSCAPE = { width: 1920, height: 1080 } as const;

/**
 * What this worker has already photographed and checked. A screen word for word the same
 * as one shot before (the attract screen, the catalogue, the card prompt of every journey)
 * is not shot again: its number is skipped in the journey's folder, the earlier shot stands.
 * axe runs once per skeleton (see ScreenIdentity).
 */
const photographed = new Set<string>();
const checked = new Set<string>();

/** The shots and checks of one journey; numbering follows the order the screens came. */
export class ScreenRecorder {
  private count = 0;
  readonly dir: string;

  constructor(
    private readonly page: Page,
    readonly journey: string,
  ) {
    this.dir = join(test.info().project.outputDir, 'screens', journey);
  }

  /**
   * Shoots the screen in both orientations and runs axe on it. A violation fails the test
   * softly, so that one run reports every screen's findings, not only the first. The
   * landscape shot is the same screen laid out again at the other size, then the journey
   * goes on upright. Shots come before axe: a screen that leaves by itself (the farewell)
   * is photographed first.
   */
  async capture(screen: string): Promise<void> {
    this.count += 1;
    const stem = `${String(this.count).padStart(2, '0')}-${screen}`;
    await test.step(`screen ${stem}`, async () => {
      await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
      const identity = await screenIdentity(this.page);
      const seen = `${identity.skeleton}\n${identity.text}`;
      if (!photographed.has(seen)) {
        photographed.add(seen);
        await this.shootBothWays(stem);
      }
      if (!checked.has(identity.skeleton)) {
        checked.add(identity.skeleton);
        const findings = await blockingAxeFindings(this.page);
        expect.soft(findings, describeFindings(`${this.journey}/${stem}`, findings)).toEqual([]);
      }
    });
  }

  private async shootBothWays(stem: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const original = this.page.viewportSize() ?? PORTRAIT;
    try {
      if (original.width !== PORTRAIT.width || original.height !== PORTRAIT.height)
        await this.page.setViewportSize(PORTRAIT);
      await this.shoot(`${stem}-portrait.png`);
      await this.page.setViewportSize(LANDSCAPE);
      await this.shoot(`${stem}-landscape.png`);
    } finally {
      await this.page.setViewportSize(original);
    }
  }

  private async shoot(name: string): Promise<void> {
    await this.page.screenshot({
      path: join(this.dir, name),
      animations: 'disabled',
      caret: 'hide',
    });
  }
}
