import { describe, expect, it } from 'vitest';
import { describeBinding, parseDevicesConfig } from './devices-config';

describe('devices configuration', () => {
  it('defaults to the simulators, camera unbound', () => {
    const config = parseDevicesConfig(undefined);
    expect(config).toMatchObject({
      idcard: { kind: 'simulator' },
      printer: { kind: 'simulator' },
      camera: { kind: 'none' },
    });
  });

  it('accepts real bindings and fills in the baud rate', () => {
    const config = parseDevicesConfig({
      idcard: { kind: 'hid', vendorId: 0x0400, productId: 0xc35a, framing: 'miaxis' },
      printer: { kind: 'lp', path: '/dev/usb/lp0', model: 'custom-vkp80' },
      scanner: { kind: 'serial', path: '/dev/serial/by-id/usb-scanner', model: 'newland-gb18030' },
    });
    expect(config.scanner).toMatchObject({ baudRate: 115200 });
    expect(describeBinding(config.idcard)).toBe('hid 0400:c35a');
  });

  it('says exactly what is wrong', () => {
    expect(() =>
      parseDevicesConfig({ printer: { kind: 'serial', path: '/dev/ttyS0', model: 'tm-x' } }),
    ).toThrow(/devices\.printer\.model: unknown printer model 'tm-x'/);
    expect(() => parseDevicesConfig({ scanner: { kind: 'lp', path: '/dev/usb/lp0' } })).toThrow(
      /devices\.scanner\.kind/,
    );
    expect(() =>
      parseDevicesConfig({ printer: { kind: 'hid', vendorId: 70000, productId: 1 } }),
    ).toThrow(/devices\.printer\.vendorId/);
    expect(() => parseDevicesConfig({ printer: { kind: 'serial' } })).toThrow(
      /devices\.printer\.path/,
    );
    expect(() => parseDevicesConfig({ printr: { kind: 'none' } })).toThrow(/printr/);
  });
});
