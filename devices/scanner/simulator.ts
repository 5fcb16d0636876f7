// A scanner in software on the device end of a ByteTransport: `scan(text)` sends the code as
// the profile's scanner would, AIM prefix and CR included.
import iconv from 'iconv-lite';
import type { ByteTransport } from '../transport/transport';
import { scannerProfiles, type ScannerProfile } from './profile';
import { aimPrefix } from './symbology';

export class ScannerSimulator {
  constructor(
    private transport: ByteTransport,
    private readonly profile: ScannerProfile = scannerProfiles.generic,
  ) {}

  attach(transport: ByteTransport): void {
    this.transport = transport;
  }

  scan(text: string, symbology = 'qr'): void {
    const line = `${aimPrefix(symbology)}${text}\r`;
    const bytes =
      this.profile.encoding === 'gb18030'
        ? iconv.encode(line, 'gb18030')
        : Buffer.from(line, 'utf8');
    this.transport.write(bytes).catch(() => {
      // Nobody is listening: a scan with no kiosk attached goes nowhere, as with real hardware.
    });
  }
}
