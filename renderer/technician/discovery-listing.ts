// The result of `devices.discover` as rows for the technician: USB ids in the usual
// four-digit hex, the stable /dev/serial/by-id name next to the ttyUSBn one, and which
// role each device is bound to, so an unbound reader stands out.
import type { z } from 'zod';
import type { DeviceRole, methods } from '../../devices/bridge/contract';
import { roleOrder, type HealthBoard } from './device-health-board';

export type Discovery = z.output<(typeof methods)['devices.discover']['result']>;

export interface DiscoveryRow {
  bus: 'serial' | 'hid';
  /** VID:PID, e.g. 0483:5750; undefined when the port does not say (a pty, a UART). */
  usbId?: string;
  /** Product or manufacturer, as the device names itself. */
  label?: string;
  path?: string;
  byId?: string;
  /** HID usage page and usage, e.g. 0x0001/0x0006 for a keyboard-wedge scanner. */
  usage?: string;
  boundTo?: DeviceRole;
}

export function hex4(value: number | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number.parseInt(value.replace(/^0x/i, ''), 16);
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) return undefined;
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function usbId(vendor: number | string | undefined, product: number | string | undefined) {
  const v = hex4(vendor);
  const p = hex4(product);
  return v && p ? `${v}:${p}` : undefined;
}

// The host names a bound device as it likes ('/dev/ttyUSB0', 'hid:0C2E:0B61', …): a key
// matches when it stands in that name as a whole, so ttyUSB1 never matches ttyUSB10.
function names(device: string, key: string): boolean {
  let from = device.indexOf(key);
  while (from >= 0) {
    const before = device[from - 1];
    const after = device[from + key.length];
    if (!/[0-9A-Z]/.test(before ?? '') && !/[0-9A-Z]/.test(after ?? '')) return true;
    from = device.indexOf(key, from + 1);
  }
  return false;
}

function boundRole(board: HealthBoard, keys: (string | undefined)[]): DeviceRole | undefined {
  const wanted = keys.filter((k): k is string => Boolean(k)).map((k) => k.toUpperCase());
  if (wanted.length === 0) return undefined;
  return roleOrder.find((role) => {
    const device = board[role]?.device?.toUpperCase();
    return device !== undefined && wanted.some((key) => names(device, key));
  });
}

function defined<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

export function discoveryRows(found: Discovery, board: HealthBoard): DiscoveryRow[] {
  const serial = found.serial.map((port) => {
    const id = usbId(port.vendorId, port.productId);
    return defined<DiscoveryRow>({
      bus: 'serial',
      usbId: id,
      label: port.manufacturer,
      path: port.path,
      byId: port.byId,
      // A path is a precise key; a USB id alone would match every port of the same adapter.
      boundTo: boundRole(board, [port.path, port.byId]),
    });
  });
  const hid = found.hid.map((device) => {
    const id = usbId(device.vendorId, device.productId);
    const usage =
      device.usagePage === undefined
        ? undefined
        : `0x${hex4(device.usagePage)}/0x${hex4(device.usage ?? 0)}`;
    return defined<DiscoveryRow>({
      bus: 'hid',
      usbId: id,
      label: device.product ?? device.manufacturer,
      path: device.path,
      usage,
      boundTo: boundRole(board, [id, device.path]),
    });
  });
  // Bound devices first, then by id, so the list reads the same on every refresh.
  const order = (row: DiscoveryRow) => (row.boundTo ? roleOrder.indexOf(row.boundTo) : 9);
  return [...serial, ...hid].sort(
    (a, b) =>
      order(a) - order(b) ||
      (a.usbId ?? '~').localeCompare(b.usbId ?? '~') ||
      (a.path ?? '').localeCompare(b.path ?? ''),
  );
}
