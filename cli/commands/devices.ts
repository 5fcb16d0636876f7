// budayang devices list: what is plugged into this machine (serial ports and HID devices),
// so a technician can write the role bindings of the kiosk configuration.
import type { Command } from 'commander';
import { discover, systemDiscovery } from '../../devices/manager/discovery';
import { usbDeviceHex } from '../../domain/hex';

export function registerDevicesCommands(program: Command): void {
  const devices = program.command('devices').description('devices attached to this machine');
  devices
    .command('list')
    .description('list serial ports and HID devices')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const found = await discover(systemDiscovery);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        return;
      }
      const lines = ['serial ports:'];
      if (found.serial.length === 0) lines.push('  (none)');
      for (const p of found.serial) {
        const usb = p.vendorId ? ` usb ${p.vendorId}:${p.productId ?? '?'}` : '';
        lines.push(
          `  ${p.path}${usb}${p.manufacturer ? ` ${p.manufacturer}` : ''}${p.byId ? `  (${p.byId})` : ''}`,
        );
      }
      lines.push('HID devices:');
      if (found.hid.length === 0) lines.push('  (none)');
      for (const d of found.hid) {
        const usage = d.usagePage === undefined ? '' : ` usage page 0x${d.usagePage.toString(16)}`;
        lines.push(
          `  ${usbDeviceHex(d.vendorId, d.productId)}${usage} ${[d.manufacturer, d.product].filter(Boolean).join(' ')}`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
