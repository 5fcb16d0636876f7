import { z } from 'zod';
import { loadSettings, type RuntimeOptions } from '../devices/host/kiosk-settings';

const FromCli = z.object({
  dataDir: z.string(),
  demo: z.boolean(),
  platformUrl: z.string(),
  simulatorControlPort: z.number().int().optional(),
  version: z.string(),
});

export interface ElectronLaunch {
  platformUrl: string;
  simulatorControlUrl?: string;
  runtime: RuntimeOptions;
}

/**
 * What this run serves: handed over by `budayang start` (which also runs the demo's local
 * platform), or, for the packaged kiosk started at boot, read from the configuration file.
 */
export async function readLaunch(userData: string): Promise<ElectronLaunch> {
  const fromCli = process.env.BUDAYANG_ELECTRON;
  if (fromCli) {
    const launch = FromCli.parse(JSON.parse(fromCli));
    const simulatorControlPort = launch.demo ? launch.simulatorControlPort : undefined;
    return {
      platformUrl: launch.platformUrl,
      simulatorControlUrl: simulatorControlPort
        ? `http://127.0.0.1:${simulatorControlPort}/`
        : undefined,
      runtime: { mode: 'electron', ...launch, simulatorControlPort },
    };
  }
  const dataDir = process.env.BUDAYANG_DATA ?? userData;
  const { settings } = await loadSettings(dataDir);
  if (!settings.platformUrl) {
    throw new Error(
      `no platform configured in ${dataDir}/kiosk.json; run the demo with \`budayang start\``,
    );
  }
  return {
    platformUrl: settings.platformUrl,
    runtime: {
      mode: 'electron',
      demo: false,
      dataDir,
      platformUrl: settings.platformUrl,
      version: process.env.npm_package_version ?? '0.0.0',
    },
  };
}
