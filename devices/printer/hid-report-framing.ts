// ESC/POS over HID, for the few printers that take it that way: each report carries a
// length byte and up to size−1 bytes of the stream, padded. There is no standard for this;
// the layout below is the common vendor one, and a model that differs gets its own framing.
import type { ReportFraming } from '../transport/hid-device';

export function lengthPrefixedFraming(reportSize = 64): ReportFraming {
  const payload = reportSize - 1;
  return {
    name: `length-prefixed-${reportSize}`,
    wrap(frame) {
      const reports: Uint8Array[] = [];
      for (let at = 0; at < frame.length; at += payload) {
        const part = frame.subarray(at, at + payload);
        const report = new Uint8Array(reportSize);
        report[0] = part.length;
        report.set(part, 1);
        reports.push(report);
      }
      return reports;
    },
    createUnwrapper() {
      return (report) => {
        const length = Math.min(report[0] ?? 0, report.length - 1);
        return length > 0 ? [report.slice(1, 1 + length)] : [];
      };
    },
  };
}
