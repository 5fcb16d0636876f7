import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commentsOf,
  linkTargetsIn,
  normalisePath,
  pathsIn,
  referencesOf,
  resolveReference,
  type DocumentReference,
} from './document-references';

describe('commentsOf', () => {
  it('reads the comments of a script, not its strings', () => {
    const text = [
      '// see docs/architecture.md',
      "const url = 'https://example.gov.cn/a.md'; // and ../shared/ARCHITECTURE.md",
      "const quoted = '// not a comment: DOMAIN.md';",
      '/**',
      ' * per docs/protocols/escpos.md',
      ' */',
      'export {};',
    ].join('\n');
    expect(commentsOf('a.ts', text).map((c) => [c.line, c.text])).toEqual([
      [1, '// see docs/architecture.md'],
      [2, '// and ../shared/ARCHITECTURE.md'],
      [4, '/**\n * per docs/protocols/escpos.md\n */'],
    ]);
  });

  it('reaches comments inside JSX braces', () => {
    const text = 'export const A = () => (\n  <div>\n    {/* DOMAIN.md */}\n  </div>\n);\n';
    expect(commentsOf('a.tsx', text).map((c) => c.text)).toEqual(['/* DOMAIN.md */']);
  });

  it('reads # comments of shell scripts, and block comments of CSS', () => {
    expect(commentsOf('run.sh', 'echo $# # see ../shared/README.md\n')).toEqual([
      { text: '# see ../shared/README.md', line: 1 },
    ]);
    expect(commentsOf('k.css', 'a {}\n/* docs/a.md */\n').map((c) => c.line)).toEqual([2]);
  });
});

describe('pathsIn', () => {
  it('finds Markdown paths and paths that climb out, not URLs or globs', () => {
    expect(
      pathsIn(
        'See docs/architecture.md. Also DOMAIN.md, ../shared/hooks/, https://x.cn/y.md, protocols/*.md',
      ),
    ).toEqual(['docs/architecture.md', 'DOMAIN.md', '../shared/hooks']);
  });

  it('finds any such path wherever it stands in prose', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,7}$/);
    const prose = fc.stringMatching(/^[ a-zA-Z,;()]{0,20}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        prose,
        prose,
        (parts, before, after) => {
          const path = `${parts.join('/')}.md`;
          const spaced = `${before} ${path} ${after}`;
          expect(pathsIn(spaced)).toContain(path);
        },
      ),
    );
  });
});

describe('linkTargetsIn', () => {
  it('keeps repository links, without their anchors, and leaves URLs and anchors alone', () => {
    expect(
      linkTargetsIn(
        '[a](docs/architecture.md#bridge) [b](https://x.cn) [c](#top) [d](../x.md "t")',
      ),
    ).toEqual(['docs/architecture.md', '../x.md']);
  });
});

describe('referencesOf', () => {
  it('reads a Markdown file whole: links and paths in its prose', () => {
    expect(referencesOf('docs/a.md', 'one\nsee [the bridge](b.md) and `docs/c.md`\n')).toEqual([
      { target: 'b.md', line: 2, link: true },
      { target: 'docs/c.md', line: 2, link: false },
    ]);
  });

  it('gives each reference of a block comment its own line', () => {
    expect(referencesOf('a.ts', '/**\n * x\n * DOMAIN.md\n */\nexport {};\n')).toEqual([
      { target: 'DOMAIN.md', line: 3, link: false },
    ]);
  });
});

describe('normalisePath', () => {
  it('folds . and .., and refuses to climb above the root', () => {
    expect(normalisePath('a/./b/../c.md')).toBe('a/c.md');
    expect(normalisePath('../shared/ARCHITECTURE.md')).toBeUndefined();
  });
});

describe('resolveReference', () => {
  const files = new Set(['docs/architecture.md', 'docs/protocols/escpos.md', 'README.md']);
  const exists = (path: string) => files.has(path);
  const prose = (target: string): DocumentReference => ({ target, line: 1, link: false });
  const link = (target: string): DocumentReference => ({ target, line: 1, link: true });

  it('takes prose paths from the file’s folder or the root', () => {
    expect(
      resolveReference(prose('docs/protocols/escpos.md'), 'devices/printer/a.ts', exists),
    ).toBe('docs/protocols/escpos.md');
    expect(resolveReference(prose('protocols/escpos.md'), 'docs/architecture.md', exists)).toBe(
      'docs/protocols/escpos.md',
    );
  });

  it('takes links from the file’s folder only, as Markdown renders them', () => {
    expect(resolveReference(link('protocols/escpos.md'), 'docs/architecture.md', exists)).toBe(
      'docs/protocols/escpos.md',
    );
    expect(
      resolveReference(link('docs/architecture.md'), 'docs/domain.md', exists),
    ).toBeUndefined();
  });

  it('refuses what is not in the repository', () => {
    expect(resolveReference(prose('ARCHITECTURE.md'), 'eslint.config.js', exists)).toBeUndefined();
    expect(resolveReference(prose('../shared/README.md'), 'README.md', exists)).toBeUndefined();
    expect(resolveReference(prose('../../README.md'), 'devices/printer/a.ts', exists)).toBe(
      'README.md',
    );
  });
});
