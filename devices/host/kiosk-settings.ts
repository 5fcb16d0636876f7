import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KioskConfig } from '../bridge/contract';
import { hashPin, type PinHash } from './technician-auth';

// The kiosk's own configuration file (`<data>/kiosk.json`), edited by technicians through
// the console or by hand. No file means the demo: simulated devices and a local platform.

const PinHashSchema = z.object({ salt: z.string(), hash: z.string() });

export const KioskSettings = z.object({
  roomName: z.string().default('不打烊自助服务区'),
  /** Empty: run the demo's local reference platform. */
  platformUrl: z.string().url().optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  hotline: z.string().default('12345'),
  idleTimeoutSeconds: z.number().int().min(30).max(600).default(90),
  technicianPin: PinHashSchema.optional(),
  /** Role bindings, validated by the device manager. */
  devices: z.unknown().optional(),
});
export type KioskSettings = z.infer<typeof KioskSettings>;

/** The PIN a demo kiosk accepts until a technician sets its own. Documented in README. */
export const DEMO_TECHNICIAN_PIN = '246810';

export function settingsPath(dataDir: string): string {
  return join(dataDir, 'kiosk.json');
}

export class SettingsError extends Error {}

export async function loadSettings(
  dataDir: string,
): Promise<{ settings: KioskSettings; exists: boolean }> {
  const path = settingsPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { settings: KioskSettings.parse({}), exists: false };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SettingsError(`${path} is not valid JSON`);
  }
  const parsed = KioskSettings.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new SettingsError(`${path} is not a valid kiosk configuration: ${where}`);
  }
  return { settings: parsed.data, exists: true };
}

/** Written to a temporary file first, so a power cut never leaves half a configuration. */
export async function saveSettings(dataDir: string, settings: KioskSettings): Promise<void> {
  const path = settingsPath(dataDir);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
  await rename(temp, path);
}

export function technicianPin(settings: KioskSettings): PinHash {
  return settings.technicianPin ?? hashPin(DEMO_TECHNICIAN_PIN, 'budayang-demo');
}

// The demo's one-time enrolment code reaches the device host through a file of the data
// directory rather than its launch arguments: the launcher starts the host and the platform
// side by side, and the code exists only once the platform does.
export function enrolmentCodePath(dataDir: string): string {
  return join(dataDir, 'enrolment-code');
}

export async function writeEnrolmentCode(dataDir: string, code: string): Promise<void> {
  const path = enrolmentCodePath(dataDir);
  await writeFile(`${path}.tmp`, code, { mode: 0o600 });
  await rename(`${path}.tmp`, path);
}

export function readEnrolmentCode(dataDir: string): string | undefined {
  try {
    return readFileSync(enrolmentCodePath(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** What the launcher decided at start and the settings file does not hold. */
export const RuntimeOptions = z.object({
  mode: z.enum(['electron', 'web']),
  demo: z.boolean(),
  dataDir: z.string(),
  platformUrl: z.string(),
  enrolmentCode: z.string().optional(),
  simulatorControlPort: z.number().int().optional(),
  version: z.string(),
});
export type RuntimeOptions = z.infer<typeof RuntimeOptions>;

export function kioskConfig(settings: KioskSettings, runtime: RuntimeOptions): KioskConfig {
  return KioskConfig.parse({
    mode: runtime.mode,
    demo: runtime.demo,
    roomName: settings.roomName,
    platformUrl: runtime.platformUrl,
    enrolmentCode: runtime.enrolmentCode ?? readEnrolmentCode(runtime.dataDir),
    locale: settings.locale,
    hotline: settings.hotline,
    idleTimeoutSeconds: settings.idleTimeoutSeconds,
    simulatorControlUrl:
      runtime.demo && runtime.simulatorControlPort
        ? `http://127.0.0.1:${runtime.simulatorControlPort}/`
        : undefined,
  });
}
