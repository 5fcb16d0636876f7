// The device manager with a printer on a real pseudo-terminal: health follows unplug and replug.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeviceHealth } from '../../devices/bridge/contract';
import { createDeviceManager, type DeviceManager } from '../../devices/manager/device-manager';
import { parseDevicesConfig } from '../../devices/manager/devices-config';
import { PrinterSimulator } from '../../devices/printer/simulator';
import { openSerial } from '../../devices/transport/serial';
import type { ByteTransport } from '../../devices/transport/transport';
import { createPtyPair, type PtyPair } from '../support/pty';

describe.sequential('device manager over a serial line', () => {
  let pty: PtyPair;
  let device: ByteTransport;
  let sim: PrinterSimulator;
  let manager: DeviceManager;
  const health: DeviceHealth[] = [];

  beforeAll(async () => {
    pty = await createPtyPair();
    device = await openSerial({ path: pty.b, baudRate: 115200 });
    sim = new PrinterSimulator(device);
    manager = createDeviceManager(
      parseDevicesConfig({
        idcard: { kind: 'none' },
        printer: { kind: 'serial', path: pty.a, model: 'epson' },
        scanner: { kind: 'none' },
        discoveryIntervalMs: 200,
      }),
      {
        discovery: { listSerial: async () => [], listHid: async () => [] },
        printerOptions: { pollIntervalMs: 50, replyTimeoutMs: 300, jobTimeoutMs: 5000 },
        reopenIntervalMs: 50,
      },
    );
    manager.events.on('health', (h) => health.push(h));
    await manager.start();
  });

  afterAll(async () => {
    await manager.stop();
    await device.close();
    await pty.close();
  });

  const printerHealth = () => manager.list().find((h) => h.role === 'printer');

  it('reports the printer connected, then degraded with the reason when its cover opens', async () => {
    await vi.waitFor(() =>
      expect(printerHealth()).toMatchObject({ state: 'connected', device: pty.a, model: 'epson' }),
    );
    sim.setCover(true);
    await vi.waitFor(() =>
      expect(printerHealth()).toMatchObject({
        state: 'degraded',
        reason: 'cover-open: cannot print',
      }),
    );
    sim.setCover(false);
    await vi.waitFor(() => expect(printerHealth()?.state).toBe('connected'));
  });

  it(
    'reports the unplug with a reason and the return after replug',
    { timeout: 60_000 },
    async () => {
      health.length = 0;
      await pty.unplug();
      await vi.waitFor(() => expect(printerHealth()?.state).toBe('disconnected'), {
        timeout: 10_000,
      });
      expect(printerHealth()?.reason).toBeTruthy();
      await pty.replug();
      device = await openSerial({ path: pty.b, baudRate: 115200 });
      sim.attach(device);
      await vi.waitFor(() => expect(printerHealth()?.state).toBe('connected'), { timeout: 15_000 });
      expect(health.map((h) => h.state)).toEqual(
        expect.arrayContaining(['disconnected', 'connected']),
      );
      // Connected means the port is open again; the printer must also answer before a job.
      await vi.waitFor(
        async () => expect((await manager.printer()!.refresh()).state).toBe('ready'),
        {
          timeout: 15_000,
        },
      );
      // A kiosk retries a ticket the printer did not take; so does this test, a bounded number of times.
      for (let attempt = 1; ; attempt++) {
        try {
          await manager
            .printer()!
            .print({ blocks: [{ kind: 'text', text: '重新连接' }, { kind: 'cut' }] });
          break;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
      expect(sim.received().at(-1)?.text).toBe('重新连接');
    },
  );
});
