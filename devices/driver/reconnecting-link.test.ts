import { afterEach, describe, expect, it } from 'vitest';
import { memoryTransportPair } from '../transport/memory';
import type { ByteTransport } from '../transport/transport';
import type { LinkState } from './device-driver';
import { ReconnectingLink } from './reconnecting-link';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

let link: ReconnectingLink | undefined;
afterEach(async () => {
  await link?.stop();
  link = undefined;
});

describe('ReconnectingLink', () => {
  it('reopens after the transport closes, telling the driver each step', async () => {
    const devices: ByteTransport[] = [];
    const log: string[] = [];
    const states: LinkState[] = [];
    link = new ReconnectingLink(
      {
        open: async () => {
          const [host, device] = memoryTransportPair(`sim ${devices.length}`);
          devices.push(device);
          return host;
        },
        reopenIntervalMs: 10,
      },
      {
        opened: (t) => void log.push(`opened ${t.description}`),
        data: (chunk) => void log.push(`data ${chunk.join(',')}`),
        lost: (reason) => void log.push(`lost ${reason}`),
        state: (s) => void states.push(s),
      },
    );
    await link.start();
    await devices[0]!.write(Uint8Array.of(1, 2));
    await tick(5);
    await devices[0]!.close();
    await tick(40);
    expect(log).toEqual(['opened sim 0', 'data 1,2', 'lost closed', 'opened sim 1']);
    expect(states).toEqual([
      { connected: true, device: 'sim 0' },
      { connected: false, device: 'sim 0', reason: 'closed' },
      { connected: true, device: 'sim 1' },
    ]);
    expect(link.transport?.description).toBe('sim 1');
  });

  it('retries a failed open every interval and says why once', async () => {
    let tries = 0;
    const states: LinkState[] = [];
    link = new ReconnectingLink(
      {
        open: async () => {
          tries++;
          throw new Error('/dev/ttyUSB0: no such file');
        },
        reopenIntervalMs: 10,
      },
      { state: (s) => void states.push(s) },
    );
    await link.start();
    await tick(55);
    expect(tries).toBeGreaterThan(2);
    expect(states).toEqual([{ connected: false, reason: '/dev/ttyUSB0: no such file' }]);
    await link.stop();
    const after = tries;
    await tick(30);
    expect(tries).toBe(after);
    expect(link.state()).toEqual({ connected: false, reason: 'stopped' });
  });
});
