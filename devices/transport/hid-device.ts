// A HID device (node-hid) as a ByteTransport: the bytes written and read are whole frames
// of the device's own protocol, which a framing wraps into and out of HID reports.
import { LinkListeners } from './link-listeners';
import type { ByteTransport } from './transport';
import { usbDeviceHex } from '../../domain/hex';

/** The part of node-hid's HIDAsync this transport uses; tests pass a fake. */
export interface HidDeviceLike {
  write(values: number[] | Buffer): Promise<number>;
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void>;
}

/** Wraps frames into output reports and reassembles input reports (HidFraming fits). */
export interface ReportFraming {
  readonly name: string;
  wrap(frame: Uint8Array): Uint8Array[];
  createUnwrapper(): (report: Uint8Array) => Uint8Array[];
}

export type HidTarget = { path: string } | { vendorId: number; productId: number };

export interface HidOptions {
  target: HidTarget;
  framing: ReportFraming;
  /** Prefixed to every output report; 0 for devices without numbered reports. */
  reportId?: number;
  /** Opens the device; node-hid's HIDAsync.open by default. */
  openDevice?: (target: HidTarget) => Promise<HidDeviceLike>;
}

const describe = (target: HidTarget) =>
  'path' in target
    ? `hid ${target.path}`
    : `hid ${usbDeviceHex(target.vendorId, target.productId)}`;

async function openWithNodeHid(target: HidTarget): Promise<HidDeviceLike> {
  // Loaded on demand: a kiosk without HID readers never loads the native module.
  const { HIDAsync } = await import('node-hid');
  return 'path' in target
    ? HIDAsync.open(target.path)
    : HIDAsync.open(target.vendorId, target.productId);
}

export async function openHid(options: HidOptions): Promise<ByteTransport> {
  const description = describe(options.target);
  const device = await (options.openDevice ?? openWithNodeHid)(options.target);
  const unwrap = options.framing.createUnwrapper();
  const reportId = options.reportId ?? 0;
  const listeners = new LinkListeners();
  const end = (error?: Error) => {
    if (listeners.end()) listeners.notifyClosed(error);
  };

  device.on('data', (report) => {
    if (listeners.ended) return;
    for (const frame of unwrap(
      new Uint8Array(report.buffer, report.byteOffset, report.byteLength),
    )) {
      listeners.deliver(frame);
    }
  });
  // node-hid reports an unplugged device as a read error.
  device.on('error', (error) => {
    end(error);
    device.close().catch(() => undefined);
  });

  return {
    description,
    async write(data) {
      if (listeners.ended) throw new Error(`${description}: closed`);
      for (const report of options.framing.wrap(data)) {
        const out = Buffer.alloc(report.length + 1);
        out[0] = reportId;
        out.set(report, 1);
        await device.write(out);
      }
    },
    onData: listeners.onData,
    onClose: listeners.onClose,
    async close() {
      if (listeners.ended) return;
      await device.close().catch(() => undefined);
      end();
    },
  };
}
