import { afterEach, describe, expect, it } from 'vitest';
import { openHid, type HidDeviceLike } from '../transport/hid-device';
import { memoryTransportPair } from '../transport/memory';
import type { ByteTransport } from '../transport/transport';
import { hidPosFraming, hidPosReports } from './hid-pos-framing';
import { scannerProfiles } from './profile';
import { createScanner, type Scan, type Scanner } from './scanner';
import { ScannerSimulator } from './simulator';

let scanner: Scanner | undefined;
afterEach(async () => {
  await scanner?.stop();
  scanner = undefined;
});

const nextScan = (s: Scanner) => new Promise<Scan>((resolve) => s.once('scan', resolve));

describe('scanner driver', () => {
  it('emits scans from the simulator, with symbology, and survives an unplug', async () => {
    let sim!: ScannerSimulator;
    let host!: ByteTransport;
    scanner = createScanner({
      open: async () => {
        const [h, d] = memoryTransportPair();
        host = h;
        sim = new ScannerSimulator(d);
        return h;
      },
      reopenIntervalMs: 10,
    });
    await scanner.start();
    let scanned = nextScan(scanner);
    sim.scan('https://example.gov.cn/q?id=1');
    expect(await scanned).toEqual({ text: 'https://example.gov.cn/q?id=1', symbology: 'qr' });

    const states: boolean[] = [];
    scanner.on('connection', (c) => states.push(c.connected));
    const first = host;
    await first.close();
    await expect.poll(() => scanner!.connection().connected && host !== first).toBe(true);
    expect(states).toEqual([false, true]);
    scanned = nextScan(scanner);
    sim.scan('BDY-1', 'code128');
    expect(await scanned).toEqual({ text: 'BDY-1', symbology: 'code128' });
  });

  it('reads a HID POS scanner through node-hid (fake device)', async () => {
    const profile = scannerProfiles['honeywell-hidpos'];
    const layout = profile.hidPos!;
    let emit: (r: Buffer) => void = () => undefined;
    const device: HidDeviceLike = {
      write: async () => 0,
      on(event: 'data' | 'error', listener: never) {
        if (event === 'data') emit = listener;
        return device;
      },
      close: async () => undefined,
    };
    scanner = createScanner({
      open: () =>
        openHid({
          target: { vendorId: 0x0c2e, productId: 0x0b87 },
          framing: hidPosFraming(layout),
          openDevice: async () => device,
        }),
      profile,
    });
    await scanner.start();
    const url = `https://example.gov.cn/progress?receipt=${'R'.repeat(90)}`;
    const scanned = nextScan(scanner);
    for (const r of hidPosReports(layout, layout.reportSize, Buffer.from(url)))
      emit(Buffer.from(r));
    expect(await scanned).toEqual({ text: url, symbology: 'qr' });
  });
});
