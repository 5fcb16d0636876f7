// The barcode/QR scanner driver: a line-based reader on any ByteTransport (serial directly,
// HID POS through hidPosFraming), kept open across unplugs, emitting one `scan` per code.
// The kiosk UI takes scans from here through the bridge; it never relies on a keyboard-
// wedge scanner typing into a focused field.
import type { DeviceDriver, LinkState } from '../driver/device-driver';
import { DriverEvents } from '../driver/driver-events';
import { ReconnectingLink } from '../driver/reconnecting-link';
import type { OpenTransport } from '../transport/transport';
import { scannerProfiles, type ScannerProfile } from './profile';
import { ScanLines } from './scan-lines';
import { splitSymbology } from './symbology';

export interface Scan {
  text: string;
  symbology?: string;
}

export type ScannerConnection = LinkState;

export interface ScannerEvents {
  scan: Scan;
  connection: ScannerConnection;
  /** A scan that could not be passed on (too long): reported, not split. */
  rejected: { reason: string };
}

export interface ScannerOptions {
  open: OpenTransport;
  profile?: ScannerProfile;
  reopenIntervalMs?: number;
  maxScanBytes?: number;
}

export type Scanner = DeviceDriver<ScannerEvents>;

export function createScanner(options: ScannerOptions): Scanner {
  const profile = options.profile ?? scannerProfiles.generic;
  const events = new DriverEvents<ScannerEvents>();
  let lines = new ScanLines(profile.encoding, options.maxScanBytes);
  const link = new ReconnectingLink(
    { open: options.open, reopenIntervalMs: options.reopenIntervalMs ?? 1000 },
    {
      // A fresh line buffer per open: half a code from before an unplug is not a scan.
      opened: () => void (lines = new ScanLines(profile.encoding, options.maxScanBytes)),
      data: (chunk) => {
        for (const e of lines.push(chunk)) {
          if (e.kind === 'overflow')
            events.emit('rejected', { reason: `scan of ${e.bytes} bytes is too long` });
          else events.emit('scan', splitSymbology(e.text));
        }
      },
      state: (state) => events.emit('connection', state),
    },
  );

  return {
    on: (event, handler) => events.on(event, handler),
    once: (event, handler) => events.once(event, handler),
    off: (event, handler) => events.off(event, handler),
    start: () => link.start(),
    stop: () => link.stop(),
    connection: () => link.state(),
  };
}
