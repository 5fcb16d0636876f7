// Miaxis family (VID 0x10C4 PID 0x0007), per docs/protocols/idcard-reader.md:
//   88 | serial(2) | len(2, LE) | B1 | SAM frame | additive checksum(2, LE)
// in 64-byte reports; a reply spans several reports, reassembled by the SAM length.
// Where the doc is silent we chose, and the vendor manual must confirm: len counts B1 and
// the SAM frame; the checksum is the 16-bit sum of every byte after 88 up to the checksum;
// the serial is little-endian like len; continuation reports carry bare bytes.
import { HEADER_SIZE, MAX_LENGTH } from '../sam-frame';
import type { HidFraming } from './framing';

const START = 0x88;
const SAM_MARK = 0xb1;
const REPORT_SIZE = 64;
/** 88, serial, len, B1. */
const PREFIX = 6;
const SUFFIX = 2;

export function createMiaxisFraming(): HidFraming {
  let serial = 0;
  return {
    name: 'miaxis',
    reportSize: REPORT_SIZE,
    wrap(samFrame) {
      const message = new Uint8Array(PREFIX + samFrame.length + SUFFIX);
      const length = 1 + samFrame.length;
      serial = (serial + 1) & 0xffff;
      message.set([START, serial & 0xff, serial >> 8, length & 0xff, length >> 8, SAM_MARK]);
      message.set(samFrame, PREFIX);
      const sum = additiveSum(message, 1, PREFIX + samFrame.length);
      message[message.length - 2] = sum & 0xff;
      message[message.length - 1] = sum >> 8;
      const reports: Uint8Array[] = [];
      for (let at = 0; at < message.length; at += REPORT_SIZE) {
        const report = new Uint8Array(REPORT_SIZE);
        report.set(message.subarray(at, at + REPORT_SIZE));
        reports.push(report);
      }
      return reports;
    },
    createUnwrapper() {
      let pending: Uint8Array | undefined;
      let filled = 0;
      return (report) => {
        if (!pending) {
          if (report[0] !== START || report.length < PREFIX + HEADER_SIZE || report[5] !== SAM_MARK)
            return [];
          const samLength = HEADER_SIZE + ((report[PREFIX + 5]! << 8) | report[PREFIX + 6]!);
          if (samLength > HEADER_SIZE + MAX_LENGTH) return [];
          pending = new Uint8Array(PREFIX + samLength + SUFFIX);
          filled = 0;
        }
        const take = Math.min(report.length, pending.length - filled);
        pending.set(report.subarray(0, take), filled);
        filled += take;
        if (filled < pending.length) return [];
        const message = pending;
        pending = undefined;
        const sum = additiveSum(message, 1, message.length - SUFFIX);
        const stated = message[message.length - 2]! | (message[message.length - 1]! << 8);
        // A bad sum drops the message; the SAM link then times out and the driver retries.
        if (sum !== stated) return [];
        return [message.slice(PREFIX, message.length - SUFFIX)];
      };
    },
  };
}

function additiveSum(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum = (sum + bytes[i]!) & 0xffff;
  return sum;
}
