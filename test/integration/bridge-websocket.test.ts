import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createKioskClient, type KioskClient } from '../../devices/bridge/client';
import { KioskError } from '../../devices/bridge/contract';
import { websocketPort, type WebSocketLike } from '../../devices/bridge/websocket-port';
import { Supervisor } from '../../devices/host/supervisor';
import { freePort, waitForPort } from '../../cli/free-port';

// The web-mode bridge for real: the device host as its own Node process, a WebSocket on
// loopback, and the host killed with SIGKILL under the client's feet.

const root = join(import.meta.dirname, '..', '..');
let dataDir: string;
let supervisor: Supervisor;
let port: number;
const token = randomBytes(24).toString('base64url');
const origin = 'http://127.0.0.1:7788';

function connect(url: string, headers: Record<string, string> = { origin }) {
  return new Promise<ReturnType<typeof websocketPort>>((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(websocketPort(socket as unknown as WebSocketLike)));
    socket.once('error', reject);
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'budayang-host-'));
  port = await freePort();
  supervisor = new Supervisor({
    command: process.execPath,
    args: ['--import', 'tsx', join(root, 'devices/host/main.ts')],
    stdio: 'ignore',
    restartDelayMs: () => 50,
    env: {
      ...process.env,
      BUDAYANG_HOST: JSON.stringify({
        runtime: {
          mode: 'web',
          demo: false,
          dataDir,
          platformUrl: 'http://127.0.0.1:9/',
          version: 'test',
        },
        transport: { kind: 'websocket', bridgePort: port, token, allowedOrigins: [origin] },
      }),
    },
  });
  supervisor.start();
  await waitForPort(port, 20_000);
});

afterAll(async () => {
  await supervisor.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the bridge over a loopback WebSocket', () => {
  it('refuses a wrong token and a foreign origin', async () => {
    await expect(connect(`ws://127.0.0.1:${port}/?token=wrong`)).rejects.toThrow();
    await expect(
      connect(`ws://127.0.0.1:${port}/?token=${token}`, { origin: 'https://evil.example' }),
    ).rejects.toThrow();
  });

  it('serves calls, survives kill -9 of the host, and recovers without a new client', async () => {
    const client: KioskClient = createKioskClient({
      connect: () => connect(`ws://127.0.0.1:${port}/?token=${token}`),
      reconnectDelayMs: () => 50,
    });
    const states: string[] = [];
    client.api.connection.onChange((s) => states.push(s));
    await vi.waitFor(() => expect(client.api.connection.state()).toBe('connected'), {
      timeout: 10_000,
    });
    const before = await client.api.system.ping();
    expect(before.pong).toBe(true);
    await expect(client.api.system.info()).resolves.toMatchObject({ mode: 'web', demo: false });
    const login = await client.api.technician.login({ pin: '000000' }).catch((e: unknown) => e);
    expect(login).toBeInstanceOf(KioskError);
    expect((login as KioskError).code).toBe('UNAUTHORIZED');

    process.kill(supervisor.pid!, 'SIGKILL');
    await vi.waitFor(() => expect(states).toContain('reconnecting'), { timeout: 10_000 });
    await vi.waitFor(() => expect(client.api.connection.state()).toBe('connected'), {
      timeout: 20_000,
    });
    const after = await client.api.system.ping();
    expect(after.hostStartedAt > before.hostStartedAt).toBe(true);
    expect(supervisor.restarts).toBe(1);
    client.close();
  });
});
