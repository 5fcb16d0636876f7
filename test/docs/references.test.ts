// Every document the code's comments and the Markdown name must be in the repository: a
// newcomer who follows a reference must land on a page, not on a machine of ours.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasComments, referencesOf, resolveReference } from './document-references';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Not ours to check: dependencies, build output, test and bench results, local data. */
const SKIPPED = new Set([
  '.git',
  'node_modules',
  'dist',
  'test-results',
  'playwright-report',
  '.data',
  'bench/results',
]);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (SKIPPED.has(entry.name) || SKIPPED.has(relative(root, path))) return [];
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [relative(root, path)] : [];
  });
}

describe('document references', () => {
  it('resolve inside the repository, from every comment and every Markdown file', () => {
    const unresolved: string[] = [];
    let checked = 0;
    for (const file of filesUnder(root)) {
      if (file === 'package-lock.json') continue;
      const text = readFileSync(join(root, file), 'utf8');
      if (!file.endsWith('.md') && !hasComments(file, text)) continue;
      for (const reference of referencesOf(file, text)) {
        checked++;
        const resolved = resolveReference(reference, file, (path) => existsSync(join(root, path)));
        if (resolved === undefined)
          unresolved.push(`${file}:${reference.line} ${reference.target}`);
      }
    }
    expect(unresolved).toEqual([]);
    // The scan found the references it exists for (README → docs/architecture.md, the
    // drivers → docs/protocols/…): a broken scan must not pass by finding nothing.
    expect(checked).toBeGreaterThan(10);
  });

  it('include the architecture and the protocol notes the code points to', () => {
    for (const page of [
      'docs/architecture.md',
      'docs/domain.md',
      'docs/protocols/idcard-reader.md',
      'docs/protocols/escpos.md',
    ])
      expect(existsSync(join(root, page)), page).toBe(true);
  });
});
