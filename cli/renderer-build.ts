import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root';

export const rendererDist = join(projectRoot, 'dist', 'renderer');

/** Builds the renderer once if this checkout has never been built. */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  if (existsSync(join(rendererDist, 'index.html'))) return;
  log('Building the kiosk screens (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}
