import { describe, expect, it } from 'vitest';
import { readyPrinter } from './fake-kiosk';
import { printerFlags, printerTone } from './printer-flags';

const ready = readyPrinter;

describe('printer flags', () => {
  it('is all green for a ready printer', () => {
    expect(printerFlags(ready).every((f) => f.tone === 'ok')).toBe(true);
    expect(printerTone(ready)).toBe('ok');
  });

  it('marks paper near end amber and the rest red', () => {
    const flags = printerFlags({
      ...ready,
      state: 'paper-out',
      paperOut: true,
      paperNearEnd: true,
    });
    expect(flags.find((f) => f.flag === 'paperOut')).toEqual({
      flag: 'paperOut',
      active: true,
      tone: 'fault',
    });
    expect(flags.find((f) => f.flag === 'paperNearEnd')?.tone).toBe('warn');
    expect(printerTone({ ...ready, state: 'paper-near-end' })).toBe('warn');
    expect(printerTone({ ...ready, state: 'offline', online: false })).toBe('fault');
    expect(printerFlags({ ...ready, online: false })[0]).toEqual({
      flag: 'online',
      active: false,
      tone: 'fault',
    });
  });
});
