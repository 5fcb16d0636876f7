import { describe, expect, it, vi } from 'vitest';
import { createKioskClient } from './client';
import { KioskError, methods, type MethodName } from './contract';
import { HostEventHub, type HostHandlers } from './host-api';
import { inProcessKiosk } from './in-process';
import { portPair, type Port } from './port';
import { serveKiosk } from './serve';

const startedAt = new Date(0).toISOString();

function handlers(overrides: Partial<HostHandlers> = {}): HostHandlers {
  const all = Object.fromEntries(
    (Object.keys(methods) as MethodName[]).map((m) => [
      m,
      () => Promise.reject(new KioskError('DEVICE_UNAVAILABLE', `${m} not wired`)),
    ]),
  ) as unknown as HostHandlers;
  return {
    ...all,
    'system.ping': async () => ({ pong: true, hostStartedAt: startedAt }),
    ...overrides,
  };
}

const verifyAdminToken = (token: string) => {
  if (token !== 'good') throw new KioskError('UNAUTHORIZED', 'no');
};

async function connected(client: ReturnType<typeof createKioskClient>) {
  await vi.waitFor(() => expect(client.api.connection.state()).toBe('connected'));
}

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof KioskError ? e.code : `not a KioskError: ${String(e)}`;
  }
  return 'resolved';
}

describe('the bridge', () => {
  it('answers a call and validates the result against the contract', async () => {
    const client = inProcessKiosk(handlers(), new HostEventHub(), { verifyAdminToken });
    await connected(client);
    await expect(client.api.system.ping()).resolves.toEqual({
      pong: true,
      hostStartedAt: startedAt,
    });
    client.close();
  });

  it('gives typed errors for malformed arguments, missing tokens and unknown methods', async () => {
    const client = inProcessKiosk(handlers(), new HostEventHub(), { verifyAdminToken });
    await connected(client);
    // @ts-expect-error a wrong type on purpose
    expect(await errorCode(client.api.idcard.readOnce({ timeoutMs: 'soon' }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(await errorCode(client.api.technician.login({ pin: 'abc' }))).toBe('INVALID_ARGUMENT');
    expect(await errorCode(client.api.devices.discover({ token: 'bad' }))).toBe('UNAUTHORIZED');
    client.close();

    const [hostSide, rendererSide] = portPair();
    serveKiosk(hostSide, handlers(), new HostEventHub(), { verifyAdminToken });
    const answers: unknown[] = [];
    rendererSide.onMessage((m) => answers.push(m));
    rendererSide.send({ t: 'req', id: 7, method: 'system.selfDestruct', args: {} });
    rendererSide.send({ t: 'req', id: 8 });
    rendererSide.send('not even an object');
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers).toContainEqual(
      expect.objectContaining({
        id: 7,
        ok: false,
        error: expect.objectContaining({ code: 'UNKNOWN_METHOD' }),
      }),
    );
    expect(answers).toContainEqual(
      expect.objectContaining({
        id: 8,
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      }),
    );
  });

  it('never echoes argument values in validation errors', async () => {
    const client = inProcessKiosk(handlers(), new HostEventHub(), { verifyAdminToken });
    await connected(client);
    const err = await client.api.technician
      .login({ pin: '11010519491231002X' })
      .catch((e: unknown) => e);
    expect(JSON.stringify(err)).not.toContain('11010519491231002X');
    expect(String((err as Error).message)).not.toContain('11010519491231002X');
    client.close();
  });

  it('hides internal failures behind INTERNAL and reports them', async () => {
    const onInternalError = vi.fn();
    const client = inProcessKiosk(
      handlers({ 'system.info': () => Promise.reject(new Error('boom')) }),
      new HostEventHub(),
      { verifyAdminToken, onInternalError },
    );
    await connected(client);
    expect(await errorCode(client.api.system.info())).toBe('INTERNAL');
    expect(onInternalError).toHaveBeenCalledWith('system.info', expect.any(Error));
    client.close();
  });

  it('delivers host events and drops those outside the contract', async () => {
    const hub = new HostEventHub();
    const client = inProcessKiosk(handlers(), hub, { verifyAdminToken });
    await connected(client);
    const scans: string[] = [];
    const off = client.api.on('scanner.scanned', (p) => scans.push(p.text));
    hub.emit('scanner.scanned', { text: 'ZZ20261122A0001' });
    // @ts-expect-error a payload outside the contract on purpose
    hub.emit('scanner.scanned', { code: 42 });
    await vi.waitFor(() => expect(scans).toEqual(['ZZ20261122A0001']));
    off();
    hub.emit('scanner.scanned', { text: 'after off' });
    await new Promise((r) => setTimeout(r, 10));
    expect(scans).toEqual(['ZZ20261122A0001']);
    client.close();
  });

  it('fails calls at once while the host is away, times out unanswered calls, and reconnects', async () => {
    let hostSide: Port | undefined;
    let allowConnect = true;
    const client = createKioskClient({
      callTimeoutMs: 50,
      reconnectDelayMs: () => 5,
      connect: async () => {
        if (!allowConnect) throw new Error('refused');
        const [host, renderer] = portPair();
        hostSide = host;
        serveKiosk(
          host,
          handlers({ 'system.info': () => new Promise(() => {}) }),
          new HostEventHub(),
          { verifyAdminToken },
        );
        return renderer;
      },
    });
    const states: string[] = [];
    client.api.connection.onChange((s) => states.push(s));
    await connected(client);

    expect(await errorCode(client.api.system.info())).toBe('TIMEOUT');

    const inFlight = client.api.system.info();
    allowConnect = false;
    hostSide?.close(); // the host process died
    expect(await errorCode(inFlight)).toBe('HOST_UNAVAILABLE');
    expect(client.api.connection.state()).toBe('reconnecting');
    expect(await errorCode(client.api.system.ping())).toBe('HOST_UNAVAILABLE');

    allowConnect = true;
    await connected(client);
    await expect(client.api.system.ping()).resolves.toMatchObject({ pong: true });
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
    client.close();
    expect(await errorCode(client.api.system.ping())).toBe('HOST_UNAVAILABLE');
  });
});
