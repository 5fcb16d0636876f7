import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceHealth } from '../bridge/contract';
import { DriverEvents } from '../driver/driver-events';
import type { IdCardReader, ReaderEvents, ReaderStatus } from '../idcard/reader';
import type { OpenTransport } from '../transport/transport';
import { createDeviceManager, type DeviceManager } from './device-manager';
import { parseDevicesConfig } from './devices-config';

/** A reader that connects when its link opens, as the real one reports it. */
function fakeReader(open: OpenTransport): IdCardReader {
  const events = new DriverEvents<ReaderEvents>();
  let status: ReaderStatus = { state: 'disconnected' };
  return {
    async start() {
      void open().then((t) => {
        status = { state: 'idle', device: t.description };
        events.emit('state', status);
      });
    },
    stop: async () => undefined,
    status: () => status,
    connection: () => ({ connected: status.state !== 'disconnected' }),
    readOnce: () => Promise.reject(new Error('no card')),
    on: (event, handler) => events.on(event, handler),
    once: (event, handler) => events.once(event, handler),
    off: (event, handler) => events.off(event, handler),
  };
}

const noBuses = { listSerial: async () => [], listHid: async () => [] };

let manager: DeviceManager | undefined;
afterEach(async () => {
  await manager?.stop();
  manager = undefined;
});

describe('device manager', () => {
  it('runs the demo on simulators and reports every role', async () => {
    const seen: DeviceHealth[] = [];
    manager = createDeviceManager(parseDevicesConfig({}), {
      idcardReaderFactory: fakeReader,
      idcardSimulatorFactory: () => ({
        attach() {},
        placeCard() {},
        removeCard() {},
        setFault() {},
      }),
      discovery: noBuses,
      printerOptions: { pollIntervalMs: 20 },
    });
    manager.events.on('health', (h) => seen.push(h));
    await manager.start();
    await expect
      .poll(() => manager!.list().map((h) => [h.role, h.state]))
      .toEqual([
        ['idcard', 'connected'],
        ['printer', 'connected'],
        ['scanner', 'connected'],
        ['camera', 'unconfigured'],
      ]);
    const sims = manager.simulators();
    expect(sims.printer && sims.scanner && sims.idcard).toBeTruthy();

    const scanned = new Promise((resolve) => manager!.scanner()!.once('scan', resolve));
    sims.scanner!.scan('https://example.gov.cn/q?id=9');
    expect(await scanned).toEqual({ text: 'https://example.gov.cn/q?id=9', symbology: 'qr' });

    sims.printer!.setPaper('out');
    await expect
      .poll(() => manager!.list()[1])
      .toMatchObject({ state: 'degraded', reason: 'paper-out: cannot print' });
    sims.printer!.setPaper('ok');
    await expect.poll(() => manager!.list()[1]?.state).toBe('connected');
    expect(seen.some((h) => h.role === 'printer' && h.state === 'degraded')).toBe(true);
  });

  it('reports a bound device that is missing, with the reason, and unconfigured roles', async () => {
    manager = createDeviceManager(
      parseDevicesConfig({
        idcard: { kind: 'none' },
        printer: { kind: 'serial', path: '/nonexistent/ttyPRN' },
        scanner: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b87, model: 'honeywell-hidpos' },
      }),
      {
        discovery: noBuses,
        openHid: () => Promise.reject(new Error('could not open HID device')),
        openSerial: ({ path }) => Promise.reject(new Error(`${path}: No such file or directory`)),
        printerOptions: { reopenIntervalMs: 50 },
      },
    );
    await manager.start();
    const byRole = Object.fromEntries(manager.list().map((h) => [h.role, h]));
    expect(byRole.idcard?.state).toBe('unconfigured');
    expect(byRole.printer).toMatchObject({
      state: 'disconnected',
      device: '/nonexistent/ttyPRN',
      reason: 'not found: unplugged or powered off',
    });
    expect(byRole.scanner).toMatchObject({
      state: 'disconnected',
      device: 'hid 0c2e:0b87',
      model: 'honeywell-hidpos',
    });
  });
});
