// What a file says about other documents: the `*.md` paths and relative paths named in its
// comments (code) or anywhere in its text and links (Markdown). Pure text in, text out; the
// repository test walks the tree and checks that each one resolves inside the repository.
import ts from 'typescript';

/** One mention of a document, as written; `link` when it is the target of a Markdown link. */
export interface DocumentReference {
  target: string;
  line: number;
  link: boolean;
}

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** A comment's text and the line (1-based) it starts on. */
export interface CommentText {
  text: string;
  line: number;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The comments of a script, found by TypeScript's parser rather than a regular expression,
 * so that a `//` inside a string or a URL is not taken for one. Every token's leading and
 * trailing trivia is visited, which also reaches comments in JSX braces.
 */
function scriptComments(fileName: string, text: string, kind: ts.ScriptKind): CommentText[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Map<number, CommentText>();
  const note = (pos: number, end: number) => {
    if (!seen.has(pos)) seen.set(pos, { text: text.slice(pos, end), line: lineAt(text, pos) });
  };
  const visit = (node: ts.Node) => {
    ts.forEachLeadingCommentRange(text, node.pos, note);
    ts.forEachTrailingCommentRange(text, node.end, note);
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...seen.values()].sort((a, b) => a.line - b.line);
}

/** Line comments of shell and YAML: `#` at the start of a line or after a blank. */
function hashComments(text: string): CommentText[] {
  return text.split('\n').flatMap((lineText, index) => {
    const at = /(?:^|\s)#/.exec(lineText);
    if (!at) return [];
    return [{ text: lineText.slice(at.index + at[0].length - 1), line: index + 1 }];
  });
}

function blockComments(text: string, open: string, close: string): CommentText[] {
  const found: CommentText[] = [];
  let from = text.indexOf(open);
  while (from >= 0) {
    const end = text.indexOf(close, from + open.length);
    const stop = end < 0 ? text.length : end + close.length;
    found.push({ text: text.slice(from, stop), line: lineAt(text, from) });
    from = text.indexOf(open, stop);
  }
  return found;
}

function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** Whether `commentsOf` knows how to read comments of this file. */
export function hasComments(fileName: string, text: string): boolean {
  const extension = extensionOf(fileName);
  if (extension in SCRIPT_KINDS) return true;
  if (['.sh', '.yml', '.yaml', '.css', '.html'].includes(extension)) return true;
  return extension === '' && text.startsWith('#!');
}

/** The comments of a code file, by its kind; none for a kind it does not know. */
export function commentsOf(fileName: string, text: string): CommentText[] {
  const extension = extensionOf(fileName);
  const kind = SCRIPT_KINDS[extension];
  if (kind !== undefined) return scriptComments(fileName, text, kind);
  if (extension === '.css') return blockComments(text, '/*', '*/');
  if (extension === '.html') return blockComments(text, '<!--', '-->');
  if (hasComments(fileName, text)) return hashComments(text);
  return [];
}

// A path ending in .md (README.md, docs/architecture.md), not part of a URL or of a longer
// word; and a path that climbs out of its folder with `../`.
const MARKDOWN_PATH = /(?<![\w/.:@~-])((?:\.{1,2}\/)*[\w-][\w./-]*\.md)(?![\w-])/g;
const PARENT_PATH = /(?<![\w/.:@~-])((?:\.\.\/)+[\w.-][\w./-]*)/g;

/** Document paths named in a piece of prose (a comment, or Markdown outside its links). */
export function pathsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MARKDOWN_PATH)) found.add(match[1]!);
  for (const match of text.matchAll(PARENT_PATH)) found.add(match[1]!.replace(/[./]+$/, ''));
  return [...found];
}

const MARKDOWN_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Targets of Markdown links that point into the repository: no scheme, not only an anchor. */
export function linkTargetsIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(MARKDOWN_LINK)) {
    const target = match[1]!;
    if (SCHEME.test(target) || target.startsWith('#')) continue;
    found.push(target.replace(/#.*$/, ''));
  }
  return found;
}

function isMarkdown(fileName: string): boolean {
  return extensionOf(fileName) === '.md';
}

/** Every document reference of a file: in its comments (code) or its whole text (Markdown). */
export function referencesOf(fileName: string, text: string): DocumentReference[] {
  if (isMarkdown(fileName)) {
    return text.split('\n').flatMap((lineText, index) => [
      ...linkTargetsIn(lineText).map((target) => ({ target, line: index + 1, link: true })),
      ...pathsIn(lineText.replace(MARKDOWN_LINK, '')).map((target) => ({
        target,
        line: index + 1,
        link: false,
      })),
    ]);
  }
  return commentsOf(fileName, text).flatMap((comment) =>
    comment.text
      .split('\n')
      .flatMap((lineText, offset) =>
        pathsIn(lineText).map((target) => ({ target, line: comment.line + offset, link: false })),
      ),
  );
}

/** Normalises `a/./b/../c` to `a/c`; undefined when the path climbs above its root. */
export function normalisePath(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Extensions a module path in a comment may leave out. */
const MODULE_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '.md'];

/**
 * Where a reference lands inside the repository, as a path from its root, or undefined when
 * it lands nowhere. A link is relative to its file's folder, as Markdown renders it; a path
 * in prose may also be written from the repository's root.
 */
export function resolveReference(
  reference: DocumentReference,
  fromFile: string,
  exists: (pathFromRoot: string) => boolean,
): string | undefined {
  const folder = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
  const bases = reference.link || reference.target.startsWith('.') ? [folder] : [folder, ''];
  for (const base of bases) {
    const joined = normalisePath(base === '' ? reference.target : `${base}/${reference.target}`);
    if (joined === undefined) continue;
    const candidates = reference.link ? [joined] : MODULE_EXTENSIONS.map((e) => joined + e);
    const hit = candidates.find((candidate) => exists(candidate === '' ? '.' : candidate));
    if (hit !== undefined) return hit === '' ? '.' : hit;
  }
  return undefined;
}
