import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { discoveryRows, hex4, type Discovery } from './discovery-listing';

const found: Discovery = {
  serial: [
    { path: '/dev/ttyUSB1', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng' },
    {
      path: '/dev/ttyUSB0',
      vendorId: '0483',
      productId: '5740',
      byId: '/dev/serial/by-id/usb-STM_Reader-if00',
    },
    { path: '/dev/pts/4' },
  ],
  hid: [
    { vendorId: 0x0c2e, productId: 0x0b61, product: 'Scanner', usagePage: 1, usage: 6 },
    { vendorId: 0x0483, productId: 0x5750, path: '/dev/hidraw0' },
  ],
};

describe('discovery listing', () => {
  it('formats USB ids and usage pages', () => {
    expect(hex4(0x483)).toBe('0483');
    expect(hex4('0x1a86')).toBe('1A86');
    expect(hex4('zz')).toBeUndefined();
    expect(hex4(0x10000)).toBeUndefined();
    const rows = discoveryRows(found, {});
    expect(rows.find((r) => r.label === 'Scanner')).toEqual({
      bus: 'hid',
      usbId: '0C2E:0B61',
      label: 'Scanner',
      usage: '0x0001/0x0006',
    });
    expect(rows.find((r) => r.path === '/dev/pts/4')).toEqual({
      bus: 'serial',
      path: '/dev/pts/4',
    });
  });

  it('marks what is bound to a role and lists it first', () => {
    const rows = discoveryRows(found, {
      idcard: {
        role: 'idcard',
        state: 'connected',
        device: '/dev/serial/by-id/usb-STM_Reader-if00',
        since: '',
      },
      scanner: { role: 'scanner', state: 'connected', device: 'hid:0c2e:0b61', since: '' },
    });
    expect(rows.slice(0, 2).map((r) => [r.path ?? r.usbId, r.boundTo])).toEqual([
      ['/dev/ttyUSB0', 'idcard'],
      ['0C2E:0B61', 'scanner'],
    ]);
    expect(rows.filter((r) => r.boundTo)).toHaveLength(2);
    const near = discoveryRows(found, {
      printer: { role: 'printer', state: 'connected', device: '/dev/ttyUSB10', since: '' },
    });
    expect(near.filter((r) => r.boundTo)).toEqual([]);
  });

  it('keeps every device and never throws on odd ids', () => {
    const serial = fc.record(
      { path: fc.string(), vendorId: fc.string(), productId: fc.string() },
      { requiredKeys: ['path'] },
    );
    const hid = fc.record({ vendorId: fc.integer(), productId: fc.integer() });
    fc.assert(
      fc.property(fc.array(serial, { maxLength: 5 }), fc.array(hid, { maxLength: 5 }), (s, h) => {
        expect(discoveryRows({ serial: s, hid: h }, {})).toHaveLength(s.length + h.length);
      }),
    );
  });
});
