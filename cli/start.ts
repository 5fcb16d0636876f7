import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import {
  loadSettings,
  writeEnrolmentCode,
  type RuntimeOptions,
} from '../devices/host/kiosk-settings';
import { Supervisor } from '../devices/host/supervisor';
import { findChromium, openKioskWindow } from './chromium';
import { startDemoPlatform } from './demo-platform';
import { electronBinary, startElectron } from './electron-launch';
import { freePort, waitForPort } from './free-port';
import { startKioskPageServer } from './kiosk-page-server';
import { projectRoot } from './project-root';
import { ensureRendererBuilt, rendererDist } from './renderer-build';

export interface StartOptions {
  web: boolean;
  headless: boolean;
  port: number;
  data: string;
  /** Port of the demo's local platform (default: any free one). */
  demoPlatformPort?: number;
  /** The platform URL the kiosk is told, when it must differ from where the platform listens (a proxy). */
  platformUrl?: string;
}

const log = (line: string) => console.log(line);

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * `budayang start`: the platform (the demo's local one when none is configured), the device
 * host under a supervisor, and the kiosk page, in Electron or in a Chromium app window.
 */
export async function startKiosk(options: StartOptions): Promise<void> {
  await mkdir(options.data, { recursive: true });
  const { settings } = await loadSettings(options.data);
  const demo = !settings.platformUrl;
  const stops: Array<() => Promise<unknown>> = [];

  // The demo platform and the device host start side by side: the platform's port is chosen
  // first, and its enrolment code reaches the host through the data directory once it exists.
  const demoPlatformPort = demo ? (options.demoPlatformPort ?? (await freePort())) : undefined;
  const platformStarted = demo ? startDemoPlatform(options.data, demoPlatformPort ?? 0) : undefined;
  // Awaited below; until then a failure must not count as unhandled.
  platformStarted?.catch(() => undefined);
  const platformUrl =
    options.platformUrl ?? settings.platformUrl ?? `http://127.0.0.1:${demoPlatformPort ?? 0}`;
  const platformReady = async () => {
    if (!platformStarted) return;
    const platform = await platformStarted;
    stops.push(() => platform.close());
    await writeEnrolmentCode(options.data, platform.enrolmentCode);
  };

  const electron = options.web ? undefined : electronBinary();
  if (!options.web && !electron)
    log('Electron is not available on this machine: starting in web mode.');
  if (electron && !options.headless) {
    const version = await packageVersion();
    await platformReady();
    await startElectron(electron, { dataDir: options.data, demo, platformUrl, version });
    await Promise.allSettled(stops.map((s) => s()));
    return;
  }

  await ensureRendererBuilt(log);
  const token = randomBytes(24).toString('base64url');
  const bridgePort = await freePort();
  const simulatorControlPort = demo ? await freePort() : undefined;
  const bridgeUrl = `ws://127.0.0.1:${bridgePort}/?token=${token}`;

  const page = await startKioskPageServer({
    port: options.port,
    root: rendererDist,
    bridgeUrl: () => bridgeUrl,
    connectSources: () => [
      `ws://127.0.0.1:${bridgePort}`,
      new URL(platformUrl).origin,
      ...(simulatorControlPort ? [`http://127.0.0.1:${simulatorControlPort}`] : []),
    ],
  });
  stops.unshift(() => page.close());

  const runtime: RuntimeOptions = {
    mode: 'web',
    demo,
    dataDir: options.data,
    platformUrl,
    simulatorControlPort,
    version: await packageVersion(),
  };
  const host = new Supervisor({
    command: process.execPath,
    // The data dir on the command line names the process for a technician's `ps`; it is a path.
    args: [
      '--import',
      'tsx',
      join(projectRoot, 'devices', 'host', 'main.ts'),
      '--kiosk-data',
      options.data,
    ],
    env: {
      ...process.env,
      BUDAYANG_HOST: JSON.stringify({
        runtime,
        transport: {
          kind: 'websocket',
          bridgePort,
          token,
          allowedOrigins: [new URL(page.url).origin, `http://localhost:${page.port}`],
        },
      }),
    },
    onState: (state, detail) => {
      if (state === 'restarting') log(`Device host ${detail ?? 'stopped'}; restarting.`);
    },
  });
  host.start();
  stops.unshift(() => host.stop());
  await Promise.all([platformReady(), waitForPort(bridgePort, 20_000)]);

  let window: ChildProcess | undefined;
  if (!options.headless) {
    const chromium = findChromium();
    if (!chromium) {
      log(
        'No Chromium found (install the Debian package `chromium`); open the address above in a browser.',
      );
    } else {
      window = openKioskWindow(page.url, options.data, chromium);
      window.once('exit', () => void shutdown());
    }
  }
  log(`Kiosk ready at ${page.url}`);
  if (demo) {
    log(`Demo mode: simulated devices, local platform at ${platformUrl}`);
    if (simulatorControlPort) log(`Simulator control at http://127.0.0.1:${simulatorControlPort}/`);
  }

  let stopping = false;
  async function shutdown() {
    if (stopping) return;
    stopping = true;
    window?.kill();
    for (const stop of stops) await stop().catch(() => {});
    process.exit(0);
  }
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
