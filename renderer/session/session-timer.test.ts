import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_WARNING_SECONDS, timerPhase, timerPolicy } from './session-timer';

describe('session timer', () => {
  const policy = { idleSeconds: 90, warningSeconds: 30 };

  it('stays active until the idle span has passed', () => {
    expect(timerPhase(0, 89_000, policy)).toEqual({ phase: 'active', secondsToWarning: 1 });
  });

  it('counts down during the warning and then expires', () => {
    expect(timerPhase(0, 90_000, policy)).toEqual({ phase: 'warning', secondsLeft: 30 });
    expect(timerPhase(0, 119_500, policy)).toEqual({ phase: 'warning', secondsLeft: 1 });
    expect(timerPhase(0, 120_000, policy)).toEqual({ phase: 'expired' });
  });

  it('never warns for less than 20 seconds, whatever the policy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 100 }),
        (idle, warn) => {
          const p = { idleSeconds: idle, warningSeconds: warn };
          const first = timerPhase(0, idle * 1000, p);
          expect(first.phase).toBe('warning');
          if (first.phase === 'warning')
            expect(first.secondsLeft).toBeGreaterThanOrEqual(MIN_WARNING_SECONDS);
        },
      ),
    );
  });

  it('gives elderly mode longer', () => {
    const normal = timerPolicy(90, false);
    const elderly = timerPolicy(90, true);
    expect(elderly.idleSeconds).toBeGreaterThan(normal.idleSeconds);
    expect(elderly.warningSeconds).toBeGreaterThan(normal.warningSeconds);
  });
});
