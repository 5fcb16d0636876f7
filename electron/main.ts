// The Electron main process: one locked kiosk window, the device host beside it, nothing else.
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { kioskCsp } from './content-security-policy';
import { HostProcess } from './host-process';
import { IPC } from './ipc-channels';
import { readLaunch } from './launch';
import {
  APP_ORIGIN,
  appSchemePrivileges,
  appUrlToFile,
  isTrustedSender,
  kioskWebPreferences,
  lockSession,
  lockWebContents,
} from './security';

const production = app.isPackaged || process.env.NODE_ENV === 'production';
const here = __dirname; // dist/electron in the build
const rendererRoot = join(here, '..', 'renderer');

// Registered before `ready`, as Electron requires: app:// behaves as a secure origin.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => lockWebContents(contents, { production }));

async function boot() {
  await app.whenReady();
  const launch = await readLaunch(app.getPath('userData'));
  lockSession(session.defaultSession);

  const csp = kioskCsp([
    new URL(launch.platformUrl).origin,
    ...(launch.simulatorControlUrl ? [new URL(launch.simulatorControlUrl).origin] : []),
  ]);
  protocol.handle('app', async (request) => {
    const file = appUrlToFile(request.url, rendererRoot);
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', csp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  const host = new HostProcess({
    entry: join(here, '..', 'host', 'main.mjs'),
    env: {
      ...(process.env as Record<string, string>),
      BUDAYANG_HOST: JSON.stringify({
        runtime: launch.runtime,
        transport: { kind: 'parent-port' },
      }),
    },
  });
  host.start();

  ipcMain.on(IPC.portRequest, (event) => {
    if (!isTrustedSender(event.senderFrame)) return;
    host.connect(event.sender);
  });

  const window = new BrowserWindow({
    kiosk: production,
    fullscreen: production,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: kioskWebPreferences(join(here, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  // A crashed or hung page comes back on its own: the citizen's session is lost (it lives in
  // memory by design), but anything submitted is already sealed in IndexedDB.
  window.webContents.on(
    'render-process-gone',
    () => void window.loadURL(`${APP_ORIGIN}/index.html`),
  );
  window.on('unresponsive', () => window.webContents.forcefullyCrashRenderer());
  await window.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('before-quit', () => host.stop());
  app.on('window-all-closed', () => app.quit());
  if (production && process.platform === 'win32') app.setLoginItemSettings({ openAtLogin: true });
}

boot().catch((error: unknown) => {
  console.error(
    `[electron] could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  app.exit(1);
});
