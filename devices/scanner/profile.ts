// Per-model knowledge of barcode/QR scanners: how a scan arrives (serial lines or HID POS
// reports), in which text encoding, and whether an AIM symbology prefix comes with it.
import type { HidPosLayout } from './hid-pos-framing';
import type { ScanEncoding } from './scan-lines';

export interface ScannerProfile {
  readonly id: ScannerProfileId;
  readonly label: string;
  readonly encoding: ScanEncoding;
  /** How HID POS reports are laid out, for models used over HID. */
  readonly hidPos?: HidPosLayout & { reportSize: number };
}

export const scannerProfileIds = ['generic', 'newland-gb18030', 'honeywell-hidpos'] as const;
export type ScannerProfileId = (typeof scannerProfileIds)[number];

export const scannerProfiles: Readonly<Record<ScannerProfileId, ScannerProfile>> = {
  // Serial (or USB-CDC) scanner set to end each scan with CR; an AIM prefix is read if sent.
  generic: { id: 'generic', label: 'Generic serial scanner (UTF-8, CR)', encoding: 'utf8' },
  // Chinese kiosk scanners are often configured to output Chinese in GB18030.
  'newland-gb18030': {
    id: 'newland-gb18030',
    label: 'Newland-style serial scanner (GB18030)',
    encoding: 'gb18030',
  },
  'honeywell-hidpos': {
    id: 'honeywell-hidpos',
    label: 'HID POS scanner (usage page 0x8C)',
    encoding: 'utf8',
    hidPos: {
      reportId: 0x02,
      lengthAt: 0,
      aimAt: 1,
      dataAt: 4,
      more: { at: 62, mask: 0x01 },
      reportSize: 64,
    },
  },
};

export function scannerProfile(id: string | undefined): ScannerProfile {
  if (id === undefined) return scannerProfiles.generic;
  if (!(scannerProfileIds as readonly string[]).includes(id)) {
    throw new Error(`unknown scanner profile '${id}' (known: ${scannerProfileIds.join(', ')})`);
  }
  return scannerProfiles[id as ScannerProfileId];
}
