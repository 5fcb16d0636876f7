import { KioskError, type PrinterStatus } from '../bridge/contract';
import { deviceText } from '../driver/device-message';
import type { HostEventHub } from '../bridge/host-api';
import { createDeviceManager, type DeviceManager } from '../manager/device-manager';
import { parseDevicesConfig } from '../manager/devices-config';
import { acceptanceReceiptDocument } from '../printer/acceptance-receipt';
import { testPageDocument } from '../printer/test-page';
import type { DeviceHub } from './device-hub';
import type { KioskSettings, RuntimeOptions } from './kiosk-settings';
import type { SimulatorSet } from './simulator-control';

export interface DeviceWiringOptions {
  settings: KioskSettings;
  runtime: RuntimeOptions;
  events: HostEventHub;
}

export type WiredDevices = DeviceHub & { simulators(): SimulatorSet };

// A kiosk with a real platform never invents devices: an unbound role stays unconfigured.
// Only the demo fills unbound roles with simulators.
const PRODUCTION_DEFAULTS = {
  idcard: { kind: 'none' },
  printer: { kind: 'none' },
  scanner: { kind: 'none' },
};

const unavailable = (role: string) =>
  new KioskError('DEVICE_UNAVAILABLE', `no ${role} is bound on this kiosk`);

/** The device manager's drivers behind the host's DeviceHub, their events into the bridge's. */
export async function createDeviceHub(options: DeviceWiringOptions): Promise<WiredDevices> {
  const { events, runtime } = options;
  const config = parseDevicesConfig(
    options.settings.devices ?? (runtime.demo ? {} : PRODUCTION_DEFAULTS),
  );
  const manager: DeviceManager = createDeviceManager(config);

  manager.events.on('health', (health) => events.emit('devices.health', health));
  await manager.start();

  const reader = manager.idcardReader();
  reader?.on('card-present', (identity) => events.emit('idcard.cardPresent', { identity }));
  reader?.on('card-removed', () => events.emit('idcard.cardRemoved', {}));
  reader?.on('error', (error) =>
    events.emit('idcard.error', {
      code: error.code,
      message: deviceText('en', error.message),
      key: error.message.key,
      ...(error.message.params ? { params: error.message.params } : {}),
    }),
  );
  const printer = manager.printer();
  printer?.on('status', (status) => events.emit('printer.status', status));
  const scanner = manager.scanner();
  scanner?.on('scan', (scan) => events.emit('scanner.scanned', scan));

  const needPrinter = () => {
    if (!printer) throw unavailable('receipt printer');
    return printer;
  };

  return {
    readerStatus: () =>
      reader?.status() ?? { state: 'disconnected', lastError: 'no ID card reader bound' },
    readOnce: async (timeoutMs) => {
      if (!reader) throw unavailable('ID card reader');
      return reader.readOnce({ timeoutMs });
    },
    printerStatus: async (): Promise<PrinterStatus> => needPrinter().refresh(),
    print: (document) => needPrinter().print(document),
    printAcceptanceReceipt: (receipt) => needPrinter().print(acceptanceReceiptDocument(receipt)),
    printTestPage: () => {
      const p = needPrinter();
      return p.print(
        testPageDocument({
          profile: p.profile,
          paper: config.printerPaper ?? 80,
          device: p.connection().device ?? 'printer',
          printedAt: new Date().toISOString(),
        }),
      );
    },
    scannerStatus: () => {
      const health = manager.list().find((h) => h.role === 'scanner');
      return {
        state: health?.state ?? 'unconfigured',
        ...(health?.device ? { device: health.device } : {}),
      };
    },
    list: () => manager.list(),
    discover: () => manager.discover(),
    stop: () => manager.stop(),
    simulators: () => {
      const sims = manager.simulators();
      return {
        ...(sims.idcard
          ? { idcard: sims.idcard as unknown as NonNullable<SimulatorSet['idcard']> }
          : {}),
        ...(sims.printer ? { printer: sims.printer } : {}),
        ...(sims.scanner ? { scanner: sims.scanner } : {}),
      };
    },
  };
}
