import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from './project-root';

const require = createRequire(import.meta.url);

/** The Electron binary, when its package could download one on this machine. */
export function electronBinary(): string | undefined {
  try {
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export interface ElectronLaunch {
  dataDir: string;
  demo: boolean;
  platformUrl: string;
  version: string;
}

/** Runs the built Electron main process (`npm run build:electron`) and waits for it to quit. */
export async function startElectron(binary: string, launch: ElectronLaunch): Promise<void> {
  const main = join(projectRoot, 'dist', 'electron', 'main.cjs');
  if (!existsSync(main)) throw new Error('Electron code is not built: run `npm run build` first.');
  const child = spawn(binary, [main], {
    stdio: 'inherit',
    env: { ...process.env, BUDAYANG_ELECTRON: JSON.stringify(launch) },
  });
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
}
