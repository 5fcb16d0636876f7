import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';

// Electron loads plain JavaScript: the main process and preload as CommonJS (a sandboxed
// preload can require nothing but Electron's own modules, so it is bundled whole), the device
// host as an ES module for utilityProcess. Native drivers stay outside the bundles, where
// electron-builder rebuilds them for Electron's ABI.
const native = [
  'electron',
  'serialport',
  '@serialport/*',
  'node-hid',
  'better-sqlite3',
  'pg-native',
];

export async function bundleElectron(root: string, outDir: string): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    external: native,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'electron/main.ts')],
      format: 'cjs',
      outfile: join(outDir, 'electron/main.cjs'),
    }),
    build({
      ...common,
      entryPoints: [join(root, 'electron/preload.ts')],
      format: 'cjs',
      outfile: join(outDir, 'electron/preload.cjs'),
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: [join(root, 'devices/host/main.ts')],
      format: 'esm',
      outfile: join(outDir, 'host/main.mjs'),
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    }),
  ]);
}
