import { platform, arch } from 'node:os';
import { KioskConfig } from '../bridge/contract';
import type { HostHandlers } from '../bridge/host-api';
import type { DeviceHub } from './device-hub';
import { kioskConfig, type KioskSettings, type RuntimeOptions } from './kiosk-settings';
import type { TechnicianAuth } from './technician-auth';

export interface KioskHostOptions {
  devices: DeviceHub;
  auth: TechnicianAuth;
  runtime: RuntimeOptions;
  settings(): KioskSettings;
  saveSettings(next: KioskSettings): Promise<void>;
  startedAt?: Date;
}

/** The device host's side of the contract: each call mapped onto the devices and settings. */
export function kioskHostHandlers(options: KioskHostOptions): HostHandlers {
  const { devices, auth, runtime } = options;
  const hostStartedAt = (options.startedAt ?? new Date()).toISOString();
  return {
    'idcard.status': async () => devices.readerStatus(),
    'idcard.readOnce': async ({ timeoutMs }) => devices.readOnce(timeoutMs),
    'printer.status': () => devices.printerStatus(),
    'printer.print': ({ document }) => devices.print(document),
    'printer.printAcceptanceReceipt': ({ receipt }) => devices.printAcceptanceReceipt(receipt),
    'printer.printTestPage': () => devices.printTestPage(),
    'scanner.status': async () => devices.scannerStatus(),
    'devices.list': async () => devices.list(),
    'devices.discover': () => devices.discover(),
    'config.get': async () => kioskConfig(options.settings(), runtime),
    'config.set': async ({ patch }) => {
      const next = { ...options.settings(), ...patch };
      // A platform URL change is a deployment decision; it takes effect at the next start.
      await options.saveSettings(next);
      return KioskConfig.parse(kioskConfig(next, runtime));
    },
    'technician.login': async ({ pin }) => auth.login(pin),
    'technician.logout': async ({ token }) => {
      auth.logout(token);
      return { ok: true as const };
    },
    'system.ping': async () => ({ pong: true as const, hostStartedAt }),
    'system.info': async () => ({
      version: runtime.version,
      mode: runtime.mode,
      demo: runtime.demo,
      hostStartedAt,
      platform: platform(),
      arch: arch(),
    }),
  };
}
