// HID POS barcode scanners (usage page 0x8C) send each scan in input reports: a length, the
// AIM symbology identifier, a slice of the data, and a flag when more reports follow. This
// framing turns those reports into the byte stream a serial scanner would send (]Xm prefix,
// data, CR) so one line-based driver serves both. Offsets differ by vendor: they come from
// the model profile.
import type { ReportFraming } from '../transport/hid-device';

export interface HidPosLayout {
  /** When reports are numbered: the id of the scan report, dropped before reading. */
  reportId?: number;
  lengthAt: number;
  /** Three bytes of AIM identifier (']', letter, modifier), or absent. */
  aimAt?: number;
  dataAt: number;
  /** Byte and mask of the "more reports follow" flag. */
  more?: { at: number; mask: number };
}

export function hidPosFraming(layout: HidPosLayout): ReportFraming {
  return {
    name: 'hid-pos',
    wrap() {
      // The kiosk never sends data to a scanner over its scan reports.
      return [];
    },
    createUnwrapper() {
      let started = false;
      return (raw) => {
        let report = raw;
        if (layout.reportId !== undefined) {
          if (report[0] !== layout.reportId) return [];
          report = report.subarray(1);
        }
        const length = Math.min(
          report[layout.lengthAt] ?? 0,
          Math.max(0, report.length - layout.dataAt),
        );
        const parts: number[] = [];
        if (!started && layout.aimAt !== undefined) {
          const aim = report.subarray(layout.aimAt, layout.aimAt + 3);
          if (aim[0] === 0x5d) parts.push(...aim);
        }
        started = true;
        parts.push(...report.subarray(layout.dataAt, layout.dataAt + length));
        const more =
          layout.more !== undefined && ((report[layout.more.at] ?? 0) & layout.more.mask) !== 0;
        if (!more) {
          parts.push(0x0d);
          started = false;
        }
        return [Uint8Array.from(parts)];
      };
    },
  };
}

/** Builds the reports a scanner of this layout would send for one scan (for the simulator and tests). */
export function hidPosReports(
  layout: HidPosLayout,
  reportSize: number,
  data: Uint8Array,
  aim = ']Q1',
): Uint8Array[] {
  const body = reportSize - (layout.reportId === undefined ? 0 : 1);
  const room = (layout.more ? Math.min(body, layout.more.at) : body) - layout.dataAt;
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < data.length; at += room) {
    const part = data.subarray(at, at + room);
    const r = new Uint8Array(body);
    r[layout.lengthAt] = part.length;
    if (layout.aimAt !== undefined) r.set(Buffer.from(aim, 'latin1'), layout.aimAt);
    r.set(part, layout.dataAt);
    if (layout.more && at + room < data.length) r[layout.more.at]! |= layout.more.mask;
    reports.push(layout.reportId === undefined ? r : Uint8Array.from([layout.reportId, ...r]));
  }
  return reports;
}
