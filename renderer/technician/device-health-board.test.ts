import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DeviceHealth } from '../../devices/bridge/contract';
import { applyHealth, applyHealthList, healthTone, summarizeBoard } from './device-health-board';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 3, minute)).toISOString();
const printer = (state: DeviceHealth['state'], minute: number): DeviceHealth => ({
  role: 'printer',
  state,
  since: at(minute),
});

describe('device health board', () => {
  it('keeps the newest report per role', () => {
    let board = applyHealth({}, printer('disconnected', 5));
    board = applyHealth(board, printer('connected', 3));
    expect(board.printer?.state).toBe('disconnected');
    board = applyHealth(board, printer('connected', 5));
    expect(board.printer?.state).toBe('connected');
  });

  it('lets a later arrival win when a time is unreadable', () => {
    const board = applyHealth(
      { printer: printer('connected', 9) },
      { ...printer('degraded', 0), since: '?' },
    );
    expect(board.printer?.state).toBe('degraded');
  });

  it('summarizes the roles, counting unreported ones as idle', () => {
    const board = applyHealthList({}, [
      { role: 'idcard', state: 'connected', since: at(1) },
      printer('degraded', 1),
      { role: 'scanner', state: 'unconfigured', since: at(1) },
    ]);
    expect(summarizeBoard(board)).toEqual({
      working: ['idcard'],
      attention: ['printer'],
      idle: ['scanner', 'camera'],
    });
    expect(healthTone('disconnected')).toBe('fault');
    expect(healthTone(undefined)).toBe('off');
  });

  it('ends in the same state whatever order the reports arrive in', () => {
    const report = fc.record({
      state: fc.constantFrom('connected', 'degraded', 'disconnected', 'unconfigured' as const),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(report, { selector: (r) => r.minute, maxLength: 8 }),
        (reports) => {
          const list = reports.map((r) => printer(r.state, r.minute));
          const forward = applyHealthList({}, list);
          const backward = applyHealthList({}, [...list].reverse());
          expect(forward).toEqual(backward);
        },
      ),
    );
  });
});
