import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Every screen a journey passes through is photographed upright (the kiosk's usual portrait
// monitor) and on its side (landscape models), and checked with axe. The shots go to
// test-results/screens/<journey>/<nn>-<screen>-<orientation>.png, the folder CI keeps for
// reviewers. Names and ID numbers on screen are already masked by the app.

export const PORTRAIT = { width: 1080, height: 1920 } as const;
export const LANDSCAPE = { width: 1920, height: 1080 } as const;

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe's serious and critical findings on the page as it is now. */
export async function blockingAxeFindings(page: Page): Promise<AxeFinding[]> {
  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((v) => v.impact && BLOCKING_IMPACTS.has(v.impact))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
}

export function describeFindings(screen: string, findings: AxeFinding[]): string {
  const lines = findings.map(
    (f) => `  [${f.impact}] ${f.rule}: ${f.help}\n      ${f.targets.join('\n      ')}`,
  );
  return `axe on screen "${screen}": ${findings.length} serious/critical violation(s)\n${lines.join('\n')}`;
}

/**
 * Pages already checked in this worker, by their skeleton: axe takes a second or two a run,
 * and the same screen with other words in it (another service's guide, the same review)
 * gains nothing from a second run. The skeleton keeps every element, class, role, aria and
 * lang attribute and whether each text is empty; it drops the words themselves.
 */
const checkedSkeletons = new Set<string>();

async function pageSkeleton(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node, depth: number) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(`${depth}#${node.textContent?.trim() ? 't' : ''}`);
        return;
      }
      if (!(node instanceof Element)) return;
      const attributes = Array.from(node.attributes)
        .filter((a) =>
          /^(class|role|lang|aria-|data-elderly|disabled|hidden|type|alt)/.test(a.name),
        )
        .map((a) =>
          a.name.startsWith('aria-label') || a.name === 'aria-describedby' || a.name === 'alt'
            ? `${a.name}=${a.value ? 1 : 0}`
            : `${a.name}=${a.value}`,
        );
      parts.push(`${depth}<${node.tagName} ${attributes.join(' ')}`);
      for (const child of Array.from(node.childNodes)) walk(child, depth + 1);
    };
    walk(document.documentElement, 0);
    return parts.join('\n');
  });
}

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
   * softly, so that one run reports every screen's findings, not only the first.
   */
  async capture(screen: string): Promise<void> {
    await test.step(`screen ${screen}`, async () => {
      this.count += 1;
      const stem = `${String(this.count).padStart(2, '0')}-${screen}`;
      await mkdir(this.dir, { recursive: true });
      const original = this.page.viewportSize() ?? PORTRAIT;
      await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
      try {
        await this.page.setViewportSize(PORTRAIT);
        await this.shoot(`${stem}-portrait.png`);
        const skeleton = await pageSkeleton(this.page);
        if (!checkedSkeletons.has(skeleton)) {
          checkedSkeletons.add(skeleton);
          const findings = await blockingAxeFindings(this.page);
          expect.soft(findings, describeFindings(screen, findings)).toEqual([]);
        }
        await this.page.setViewportSize(LANDSCAPE);
        await this.shoot(`${stem}-landscape.png`);
      } finally {
        await this.page.setViewportSize(original);
      }
    });
  }

  private async shoot(name: string): Promise<void> {
    await this.page.screenshot({
      path: join(this.dir, name),
      animations: 'disabled',
      caret: 'hide',
    });
  }
}
