import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createMiaxisFraming } from '../idcard/hid-framing/miaxis';
import { SamFrameDecoder } from '../idcard/frame-decoder';
import { createIdCardReader } from '../idcard/reader';
import { encodeFrame } from '../idcard/sam-frame';
import { IdCardSimulator } from '../idcard/simulator';
import { memoryTransportPair } from './memory';
import { openHid, type HidDeviceLike } from './hid-device';

/**
 * A HID reader as node-hid's HIDAsync shows it, made of the simulator behind the Miaxis
 * framing: this machine has no uhid to create a real virtual HID device.
 */
class FakeHidReader extends EventEmitter implements HidDeviceLike {
  readonly written: Buffer[] = [];
  closed = false;
  private readonly deviceFraming = createMiaxisFraming();
  private readonly unwrap = this.deviceFraming.createUnwrapper();
  readonly sim: IdCardSimulator;
  private readonly host;

  constructor() {
    super();
    const [host, device] = memoryTransportPair('fake hid');
    this.host = host;
    this.sim = new IdCardSimulator(device, { paceWire: false, processing: 'none' });
    // The simulator writes a frame in pieces, as a UART would; the HID side sends whole ones.
    const decoder = new SamFrameDecoder();
    host.onData((chunk) => {
      for (const event of decoder.push(chunk)) {
        if (event.kind !== 'frame') continue;
        for (const report of this.deviceFraming.wrap(encodeFrame(event.body)))
          this.emit('data', Buffer.from(report));
      }
    });
  }

  async write(values: number[] | Buffer): Promise<number> {
    const report = Buffer.from(values as Buffer);
    this.written.push(report);
    // Output reports lead with the report id.
    for (const frame of this.unwrap(report.subarray(1))) await this.host.write(frame);
    return report.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('HID transport', () => {
  it('carries SAM frames to a Miaxis-framed reader and back', async () => {
    const fake = new FakeHidReader();
    fake.sim.placeCard();
    const reader = createIdCardReader({
      pollIntervalMs: 10,
      open: () =>
        openHid({
          target: { vendorId: 0x10c4, productId: 0x0007 },
          framing: createMiaxisFraming(),
          openDevice: async () => fake,
        }),
    });
    reader.start();
    await expect(reader.readOnce({ timeoutMs: 5000 })).resolves.toMatchObject({ name: '张三' });
    expect(reader.status().device).toBe('hid 10c4:0007');
    expect(fake.written.every((r) => r.length === 65 && r[0] === 0)).toBe(true);
    await reader.stop();
    expect(fake.closed).toBe(true);
  });

  it('ends the link when node-hid reports an error (unplug)', async () => {
    const fake = new FakeHidReader();
    const transport = await openHid({
      target: { path: '/dev/hidraw0' },
      framing: createMiaxisFraming(),
      openDevice: async () => fake,
    });
    const closed = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
    fake.emit('error', new Error('could not read from HID device'));
    await expect(closed).resolves.toMatchObject({ message: 'could not read from HID device' });
    await expect(transport.write(new Uint8Array(3))).rejects.toThrow('closed');
  });
});
