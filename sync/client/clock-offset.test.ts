import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockOffset, sampleFromDateHeader } from './clock-offset';

describe('clock offset from Date headers', () => {
  it('recovers a true offset within half a second plus half the round trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        (trueOffset, sentAt, up, down) => {
          const serverAt = sentAt + up + trueOffset;
          const header = new Date(Math.floor(serverAt / 1000) * 1000).toUTCString();
          const sample = sampleFromDateHeader(header, sentAt, sentAt + up + down);
          expect(sample).toBeDefined();
          expect(Math.abs(sample!.offsetMs - trueOffset)).toBeLessThanOrEqual(
            500 + (up + down) / 2 + 1,
          );
        },
      ),
    );
  });

  it('ignores missing or unreadable headers and backwards clocks', () => {
    expect(sampleFromDateHeader(undefined, 0, 1)).toBeUndefined();
    expect(sampleFromDateHeader('yesterday', 0, 1)).toBeUndefined();
    expect(sampleFromDateHeader('Wed, 01 Jan 2025 00:00:00 GMT', 10, 5)).toBeUndefined();
  });

  it('prefers the sample with the shortest round trip and forgets old ones', () => {
    const clock = new ClockOffset(2);
    expect(clock.offsetMs).toBe(0);
    clock.add({ offsetMs: 900, rttMs: 800 });
    clock.add({ offsetMs: 100, rttMs: 20 });
    expect(clock.offsetMs).toBe(100);
    clock.add({ offsetMs: 300, rttMs: 50 });
    clock.add({ offsetMs: 400, rttMs: 60 });
    expect(clock.offsetMs).toBe(300);
    clock.reset();
    expect(clock.offsetMs).toBe(0);
  });
});
