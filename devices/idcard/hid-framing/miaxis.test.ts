import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReply } from '../sam-frame';
import { createMiaxisFraming } from './miaxis';

describe('Miaxis HID framing', () => {
  it('wraps a request in one 64-byte report', () => {
    const framing = createMiaxisFraming();
    const frame = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22);
    const [report, ...rest] = framing.wrap(frame);
    expect(rest).toHaveLength(0);
    expect(report).toHaveLength(64);
    expect(Array.from(report!.subarray(0, 6))).toEqual([0x88, 0x01, 0x00, 11, 0x00, 0xb1]);
    expect(report!.subarray(6, 16)).toEqual(frame);
  });

  it('unwrap(wrap(frame)) = frame, across as many reports as it takes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 1400 }), { minLength: 1, maxLength: 4 }),
        (datas) => {
          const framing = createMiaxisFraming();
          const unwrap = framing.createUnwrapper();
          const frames = datas.map((data) => encodeReply({ sw1: 0, sw2: 0, sw3: 0x90, data }));
          const out = frames.flatMap((f) => framing.wrap(f)).flatMap((report) => unwrap(report));
          expect(out).toEqual(frames);
        },
      ),
    );
  });

  it('drops a message with a bad sum and reports that do not start one', () => {
    const framing = createMiaxisFraming();
    const unwrap = framing.createUnwrapper();
    const frame = encodeReply({ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(100) });
    const reports = framing.wrap(frame);
    reports[1]![0]! ^= 1;
    expect(reports.flatMap((r) => unwrap(r))).toEqual([]);
    expect(unwrap(new Uint8Array(64))).toEqual([]);
    expect(framing.wrap(frame).flatMap((r) => unwrap(r))).toEqual([frame]);
  });

  it('never throws on random reports', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 64, maxLength: 64 }), { maxLength: 50 }),
        (reports) => {
          const unwrap = createMiaxisFraming().createUnwrapper();
          for (const report of reports) unwrap(report);
        },
      ),
    );
  });
});
