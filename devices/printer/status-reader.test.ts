import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printerProfiles } from './profile';
import {
  applyDleEot,
  fromAutoStatus,
  fromCustomFullStatus,
  NO_FLAGS,
  printerState,
} from './status-flags';
import { StatusReader } from './status-reader';

const epson = printerProfiles.epson;

describe('status bits', () => {
  it('reads DLE EOT answers as docs/protocols/escpos.md describes them', () => {
    expect(applyDleEot(NO_FLAGS, 1, 0x1a, epson).offline).toBe(true);
    expect(applyDleEot(NO_FLAGS, 2, 0x16, epson).coverOpen).toBe(true);
    expect(applyDleEot(NO_FLAGS, 2, 0x32, epson).paperOut).toBe(true);
    expect(applyDleEot(NO_FLAGS, 3, 0x1a, epson).cutterError).toBe(true);
    expect(applyDleEot(NO_FLAGS, 4, 0x1e, epson).paperNearEnd).toBe(true);
    expect(applyDleEot(NO_FLAGS, 4, 0x72, epson).paperOut).toBe(true);
    // SNBC reports a jam in bit 2 of the error status; Epson does not use it.
    expect(applyDleEot(NO_FLAGS, 3, 0x16, printerProfiles.snbc).otherError).toBe(true);
    expect(applyDleEot(NO_FLAGS, 3, 0x16, epson).otherError).toBe(false);
  });

  it('reads automatic status back and the Custom full status', () => {
    expect(fromAutoStatus([0x38, 0, 0x0c, 0])).toMatchObject({
      offline: true,
      coverOpen: true,
      paperOut: true,
    });
    expect(fromAutoStatus([0x10, 0x08, 0x03, 0])).toMatchObject({
      cutterError: true,
      paperNearEnd: true,
      paperOut: false,
    });
    expect(fromCustomFullStatus([0x10, 0x0f, 0x25, 0x03, 0x40, 0x01])).toMatchObject({
      paperOut: true,
      paperNearEnd: true,
      ticketInPresenter: true,
      coverOpen: true,
      otherError: true,
      cutterError: true,
    });
  });

  it('names the state a technician must fix first', () => {
    expect(
      printerState({ ...NO_FLAGS, paperOut: true, coverOpen: true, offline: true }, true),
    ).toBe('cover-open');
    expect(printerState({ ...NO_FLAGS, paperOut: true, offline: true }, true)).toBe('paper-out');
    expect(printerState({ ...NO_FLAGS, paperNearEnd: true }, true)).toBe('paper-near-end');
    expect(printerState(NO_FLAGS, false)).toBe('offline');
    expect(printerState(NO_FLAGS, true)).toBe('ready');
  });
});

describe('StatusReader', () => {
  it('tells DLE EOT answers, automatic status and GS r answers apart', () => {
    const r = new StatusReader(epson.status);
    expect(r.push(Uint8Array.of(0x12, 0x10, 0x00, 0x0c, 0x00, 0x03, 0x16))).toEqual([
      { kind: 'dle-eot', byte: 0x12 },
      { kind: 'auto-status', bytes: Uint8Array.of(0x10, 0x00, 0x0c, 0x00) },
      { kind: 'paper-status', byte: 0x03 },
      { kind: 'dle-eot', byte: 0x16 },
    ]);
  });

  it('frames the same however the bytes arrive (property)', () => {
    const frame = fc.oneof(
      fc.integer({ min: 0, max: 0xff }).map((b) => [(b & 0x6c) | 0x12]),
      fc
        .tuple(
          fc.integer({ min: 0, max: 0xff }),
          fc.integer({ min: 0, max: 0x6f }),
          fc.integer({ min: 0, max: 0x6f }),
          fc.integer({ min: 0, max: 0x6f }),
        )
        .map(([a, b, c, d]) => [(a & 0x6c) | 0x10, b & 0x6f, c & 0x6f, d & 0x6f]),
      fc.integer({ min: 0, max: 0x6f }).map((b) => [b & 0x6f]),
    );
    fc.assert(
      fc.property(
        fc.array(frame, { maxLength: 20 }),
        fc.integer({ min: 1, max: 7 }),
        (frames, chunk) => {
          const bytes = frames.flat();
          const whole = new StatusReader(epson.status).push(Uint8Array.from(bytes));
          const r = new StatusReader(epson.status);
          const pieces = [];
          for (let i = 0; i < bytes.length; i += chunk)
            pieces.push(...r.push(Uint8Array.from(bytes.slice(i, i + chunk))));
          expect(pieces).toEqual(whole);
          expect(whole).toHaveLength(frames.length);
        },
      ),
    );
  });
});
