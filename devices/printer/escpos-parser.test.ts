import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './encoder';
import { parseAll, parseCommand } from './escpos-parser';
import { printerProfiles } from './profile';
import { testPageDocument } from './test-page';

const page = encodeReceipt(
  testPageDocument({
    profile: printerProfiles.epson,
    paper: 80,
    device: 'test',
    printedAt: '2025-01-01 00:00',
  }),
  { profile: printerProfiles.epson },
);

describe('parseCommand', () => {
  it('reads a whole job without leftovers', () => {
    const { commands, consumed } = parseAll(page);
    expect(consumed).toBe(page.length);
    expect(commands.filter((c) => c.op === 'qr')).toHaveLength(5);
    expect(commands.some((c) => c.op === 'barcode')).toBe(true);
  });

  it('reports a command cut short as incomplete', () => {
    expect(parseCommand(Uint8Array.of(0x1d, 0x28, 0x6b, 0x05, 0x00, 0x31), 0)).toBe('incomplete');
    expect(parseCommand(Uint8Array.of(0x1b), 0)).toBe('incomplete');
    expect(parseCommand(Uint8Array.of(0x1d, 0x56, 0x42), 0)).toBe('incomplete');
  });

  it('gives the same commands however the stream is split (property)', () => {
    const whole = parseAll(page).commands;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: page.length - 1 }), { maxLength: 8 }),
        (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), page.length];
          let buffer = new Uint8Array(0);
          const seen: unknown[] = [];
          for (let i = 1; i < points.length; i++) {
            const next = new Uint8Array(buffer.length + points[i]! - points[i - 1]!);
            next.set(buffer);
            next.set(page.subarray(points[i - 1], points[i]), buffer.length);
            const { commands, consumed } = parseAll(next);
            seen.push(...commands);
            buffer = next.slice(consumed);
          }
          // Text runs may split at chunk edges; compare with text joined.
          const join = (cs: unknown[]) =>
            JSON.stringify(cs, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v));
          const merge = (cs: ReturnType<typeof parseAll>['commands']) =>
            cs.reduce<typeof cs>((acc, c) => {
              const last = acc[acc.length - 1];
              if (c.op === 'text' && last?.op === 'text')
                acc[acc.length - 1] = {
                  op: 'text',
                  bytes: Uint8Array.from([...last.bytes, ...c.bytes]),
                };
              else acc.push(c);
              return acc;
            }, []);
          expect(join(merge(seen as typeof whole))).toBe(join(merge(whole)));
          expect(buffer.length).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary bytes and always makes progress (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { consumed } = parseAll(bytes);
        expect(consumed).toBeLessThanOrEqual(bytes.length);
      }),
    );
  });
});
