import { KioskError } from '../bridge/contract';
import type { HostEventHub } from '../bridge/host-api';
import type { DeviceHub } from './device-hub';
import type { KioskSettings, RuntimeOptions } from './kiosk-settings';
import type { SimulatorSet } from './simulator-control';

export interface DeviceWiringOptions {
  settings: KioskSettings;
  runtime: RuntimeOptions;
  events: HostEventHub;
}

export type WiredDevices = DeviceHub & { simulators?(): SimulatorSet };

export async function createDeviceHub(_options: DeviceWiringOptions): Promise<WiredDevices> {
  const unavailable = () =>
    Promise.reject(new KioskError('DEVICE_UNAVAILABLE', 'no device bound to this role'));
  const since = new Date().toISOString();
  return {
    readerStatus: () => ({ state: 'disconnected' }),
    readOnce: unavailable,
    printerStatus: unavailable,
    print: unavailable,
    printAcceptanceReceipt: unavailable,
    printTestPage: unavailable,
    scannerStatus: () => ({ state: 'unconfigured' }),
    list: () =>
      (['idcard', 'printer', 'scanner', 'camera'] as const).map((role) => ({
        role,
        state: 'unconfigured' as const,
        since,
      })),
    discover: async () => ({ serial: [], hid: [] }),
    stop: async () => {},
  };
}
