// What is plugged in: serial ports (serialport's list) and HID devices (node-hid), in the
// contract's `devices.discover` shape; and whether a bound device is among them.
import { existsSync } from 'node:fs';
import type { z } from 'zod';
import type { methods } from '../bridge/contract';
import type { DeviceBinding } from './devices-config';

export type Discovery = z.output<(typeof methods)['devices.discover']['result']>;
export type SerialPortInfo = Discovery['serial'][number];
export type HidDeviceInfo = Discovery['hid'][number];

export interface DiscoverySources {
  listSerial(): Promise<SerialPortInfo[]>;
  listHid(): Promise<HidDeviceInfo[]>;
}

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

export const systemDiscovery: DiscoverySources = {
  async listSerial() {
    const { SerialPort } = await import('serialport');
    const ports = await SerialPort.list();
    return ports.map((p) =>
      defined({
        path: p.path,
        manufacturer: p.manufacturer,
        vendorId: p.vendorId,
        productId: p.productId,
        serialNumber: p.serialNumber,
        byId: (p as { pnpId?: string }).pnpId
          ? `/dev/serial/by-id/${(p as { pnpId?: string }).pnpId}`
          : undefined,
      }),
    );
  },
  async listHid() {
    // Loaded on demand: a kiosk without HID devices never loads the native module.
    const hid = await import('node-hid');
    const devices = await hid.devicesAsync();
    return devices.map((d) =>
      defined({
        path: d.path,
        vendorId: d.vendorId,
        productId: d.productId,
        product: d.product,
        manufacturer: d.manufacturer,
        usagePage: d.usagePage,
        usage: d.usage,
      }),
    );
  },
};

export async function discover(sources: DiscoverySources): Promise<Discovery> {
  // One bus failing (no hidraw permission, say) must not hide the other.
  const [serial, hid] = await Promise.all([
    sources.listSerial().catch(() => []),
    sources.listHid().catch(() => []),
  ]);
  return { serial, hid };
}

/** Whether the bound device is there; undefined when discovery cannot tell (simulator, none). */
export function isPresent(
  binding: DeviceBinding,
  found: Discovery,
  fileExists = existsSync,
): boolean | undefined {
  switch (binding.kind) {
    case 'serial':
      // A pty or a by-id link is not always in the list: the file itself is the evidence.
      return (
        fileExists(binding.path) ||
        found.serial.some((p) => p.path === binding.path || p.byId === binding.path)
      );
    case 'lp':
      return fileExists(binding.path);
    case 'hid':
      return found.hid.some(
        (d) => d.vendorId === binding.vendorId && d.productId === binding.productId,
      );
    default:
      return undefined;
  }
}
