import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openHid, type HidDeviceLike } from '../transport/hid-device';
import { lengthPrefixedFraming } from './hid-report-framing';
import { createPrinter } from './printer';

describe('lengthPrefixedFraming', () => {
  it('splits any stream into reports and back (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 500 }),
        fc.integer({ min: 2, max: 64 }),
        (bytes, size) => {
          const framing = lengthPrefixedFraming(size);
          const reports = framing.wrap(bytes);
          for (const r of reports) expect(r.length).toBe(size);
          const unwrap = framing.createUnwrapper();
          expect(Buffer.concat(reports.flatMap(unwrap))).toEqual(Buffer.from(bytes));
        },
      ),
    );
  });
});

/** A HID printer as node-hid shows it: answers DLE EOT with "ready", the way the reports frame it. */
function fakeHidPrinter() {
  const listeners = {
    data: [] as Array<(r: Buffer) => void>,
    error: [] as Array<(e: Error) => void>,
  };
  const written: Buffer[] = [];
  const device: HidDeviceLike = {
    async write(values) {
      const report = Buffer.from(values as Buffer);
      written.push(report);
      const payload = report.subarray(2, 2 + (report[1] ?? 0));
      for (let i = 0; i + 2 < payload.length; i++) {
        if (payload[i] === 0x10 && payload[i + 1] === 0x04)
          setImmediate(() => listeners.data.forEach((l) => l(Buffer.from([1, 0x12]))));
        if (payload[i] === 0x1d && payload[i + 1] === 0x72)
          setImmediate(() => listeners.data.forEach((l) => l(Buffer.from([1, 0x00]))));
      }
      return report.length;
    },
    on(event: 'data' | 'error', listener: never) {
      (listeners[event] as unknown[]).push(listener);
      return device;
    },
    async close() {},
  };
  return {
    device,
    written,
    unplug: () => listeners.error.forEach((l) => l(new Error('could not read from HID device'))),
  };
}

describe('printer over HID', () => {
  it('polls and prints through node-hid reports', async () => {
    const fake = fakeHidPrinter();
    const printer = createPrinter({
      open: () =>
        openHid({
          target: { vendorId: 0x154f, productId: 0x1300 },
          framing: lengthPrefixedFraming(64),
          openDevice: async () => fake.device,
        }),
      pollIntervalMs: 50,
    });
    await printer.start();
    expect(printer.status().state).toBe('ready');
    expect(printer.connection().device).toBe('hid 154f:1300');
    await printer.print({ blocks: [{ kind: 'text', text: '测试' }, { kind: 'cut' }] });
    expect(fake.written.every((r) => r.length === 65 && r[0] === 0)).toBe(true);
    fake.unplug();
    expect(printer.connection().connected).toBe(false);
    await printer.stop();
  });
});
