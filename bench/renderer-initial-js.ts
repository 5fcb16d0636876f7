// Initial JavaScript of the kiosk page, gzipped: builds the renderer into a temporary
// directory (the served dist/ is left alone), reads the scripts and modulepreloads that
// index.html loads at start, follows their static imports through Vite's manifest, gzips
// each file at level 9 and sums. Lazy chunks (dynamic imports) and the sync worker, which
// starts at boot but runs off the main thread, are listed apart. Never fails on size.
// Run: npx tsx bench/renderer-initial-js.ts
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = join(import.meta.dirname, '..');

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}

const outDir = await mkdtemp(join(tmpdir(), 'budayang-bench-js-'));
try {
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const manifest = JSON.parse(
    await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;

  // What the page itself asks for at start.
  const fromHtml = [
    ...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="\.\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="\.\/([^"]+)"/g),
  ].map((m) => m[1]!);

  // And everything those import statically: the browser fetches it before running a line.
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  const sourceOf = new Map(Object.entries(manifest).map(([src, c]) => [c.file, src]));
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const key of byFile.get(file)?.imports ?? []) visit(manifest[key]!.file);
  };
  fromHtml.forEach(visit);

  const gz = async (file: string) => {
    const bytes = await readFile(join(outDir, file));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const allJs = (await readdir(join(outDir, 'assets'))).filter((f) => f.endsWith('.js'));
  const rows = await Promise.all(
    allJs.map(async (name) => ({ file: `assets/${name}`, ...(await gz(`assets/${name}`)) })),
  );
  const workerFiles = new Set(
    rows.filter((r) => /worker/i.test(r.file) && !byFile.has(r.file)).map((r) => r.file),
  );
  const initialRows = rows.filter((r) => initial.has(r.file));
  const workerRows = rows.filter((r) => workerFiles.has(r.file));
  const lazyRows = rows.filter((r) => !initial.has(r.file) && !workerFiles.has(r.file));
  const sum = (rs: typeof rows, k: 'raw' | 'gzip') => rs.reduce((s, r) => s + r[k], 0);
  const kb = (n: number) => (n / 1024).toFixed(1);
  const show = (title: string, rs: typeof rows) => {
    console.log(`${title}: ${kb(sum(rs, 'gzip'))} KB gzipped (${kb(sum(rs, 'raw'))} KB raw)`);
    for (const r of [...rs].sort((a, b) => b.gzip - a.gzip))
      console.log(
        `  ${r.file.padEnd(44)} ${kb(r.gzip).padStart(7)} KB gz ${kb(r.raw).padStart(7)} KB  ${sourceOf.get(r.file) ?? ''}`,
      );
  };
  show(
    'initial JavaScript (index.html scripts, modulepreloads and their static imports)',
    initialRows,
  );
  show('sync worker (loaded at boot, off the main thread)', workerRows);
  show('lazy chunks (dynamic imports, loaded on demand)', lazyRows);
  console.log(`target: initial ≤ 300 KB gzipped`);
  console.log(
    JSON.stringify({
      bench: 'renderer-initial-js',
      initialGzipKB: Number(kb(sum(initialRows, 'gzip'))),
      initialRawKB: Number(kb(sum(initialRows, 'raw'))),
      initialFiles: initialRows.map((r) => r.file),
      workerGzipKB: Number(kb(sum(workerRows, 'gzip'))),
      lazyGzipKB: Number(kb(sum(lazyRows, 'gzip'))),
      lazy: Object.fromEntries(lazyRows.map((r) => [r.file, Number(kb(r.gzip))])),
      targetKB: 300,
    }),
  );
} finally {
  await rm(outDir, { recursive: true, force: true });
}
