import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// axe-core on the screens of the journeys: no serious or critical violation is allowed.

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe's serious and critical findings on the page as it is now. Legacy mode runs axe in the
 * page itself: the kiosk has no frames, and the default mode opens a new tab for every run
 * to merge the frames' results, which costs seconds a screen.
 */
export async function blockingAxeFindings(page: Page): Promise<AxeFinding[]> {
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
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

export interface ScreenIdentity {
  /**
   * Every element with its class, role, aria, lang and state attributes, and whether each
   * text is empty, but not the words: the same screen with other words in it (another
   * service's guide, the same review) has the same skeleton, and axe gains nothing from a
   * second run on it.
   */
  skeleton: string;
  /** The words on screen, less the header's clock: two shots with the same are one screen. */
  text: string;
}

export async function screenIdentity(page: Page): Promise<ScreenIdentity> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const words: string[] = [];
    const walk = (node: Node, depth: number, inClock: boolean) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent?.trim() ?? '';
        parts.push(`${depth}#${text ? 't' : ''}`);
        if (text && !inClock) words.push(text);
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
      const clock = inClock || node.classList.contains('header-clock');
      for (const child of Array.from(node.childNodes)) walk(child, depth + 1, clock);
    };
    walk(document.documentElement, 0, false);
    return { skeleton: parts.join('\n'), text: words.join('\n') };
  });
}
