import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  const fromEnv = process.env.BUDAYANG_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((path) => existsSync(path));
}

/** Opens the kiosk page full screen, as an app: no address bar, no tabs. */
export function openKioskWindow(url: string, dataDir: string, executable: string): ChildProcess {
  const args = [
    `--app=${url}`,
    '--kiosk',
    `--user-data-dir=${join(dataDir, 'chromium')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--autoplay-policy=no-user-gesture-required',
    // The document camera: a kiosk has no one to answer a permission prompt.
    '--use-fake-ui-for-media-stream',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return spawn(executable, args, { stdio: 'ignore' });
}
