// A clock the test moves by hand, for the console's session and countdowns.
import type { ConsoleClock } from './console-clock';

export interface ManualClock extends ConsoleClock {
  advance(ms: number): void;
}

export function manualClock(start: number): ManualClock {
  let now = start;
  const timers = new Set<{ every: number; next: number; tick: () => void }>();
  return {
    now: () => now,
    every(ms, tick) {
      const timer = { every: ms, next: now + ms, tick };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let due: { every: number; next: number; tick: () => void } | undefined;
        for (const timer of timers)
          if (timer.next <= end && (!due || timer.next < due.next)) due = timer;
        if (!due) break;
        now = due.next;
        due.next += due.every;
        due.tick();
      }
      now = end;
    },
  };
}
