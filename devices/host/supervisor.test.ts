import { describe, expect, it, vi } from 'vitest';
import { Supervisor } from './supervisor';

describe('Supervisor', () => {
  it('restarts a child killed with SIGKILL, and stops for good on stop()', async () => {
    const states: string[] = [];
    const supervisor = new Supervisor({
      command: process.execPath,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      stdio: 'ignore',
      restartDelayMs: () => 10,
      onState: (s) => states.push(s),
    });
    supervisor.start();
    await vi.waitFor(() => expect(supervisor.pid).toBeDefined());
    const first = supervisor.pid!;
    process.kill(first, 'SIGKILL');
    await vi.waitFor(() =>
      expect(supervisor.pid !== undefined && supervisor.pid !== first).toBe(true),
    );
    expect(supervisor.restarts).toBe(1);
    const second = supervisor.pid!;
    await supervisor.stop();
    expect(() => process.kill(second, 0)).toThrow();
    expect(states).toEqual(['running', 'restarting', 'running', 'stopped']);
  });
});
