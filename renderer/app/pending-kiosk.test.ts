import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState, KioskApi } from '../../devices/bridge/contract';
import { pendingKiosk } from './pending-kiosk';

function fakeBridge(initial: ConnectionState) {
  let state = initial;
  const stateHandlers = new Set<(s: ConnectionState) => void>();
  const eventHandlers = new Set<(payload: unknown) => void>();
  const get = vi.fn(async () => ({ roomName: '一楼大厅' }));
  const api = {
    config: { get },
    on: (_event: string, handler: (payload: unknown) => void) => {
      eventHandlers.add(handler);
      return () => eventHandlers.delete(handler);
    },
    connection: {
      state: () => state,
      onChange: (handler: (s: ConnectionState) => void) => {
        stateHandlers.add(handler);
        return () => stateHandlers.delete(handler);
      },
    },
  } as unknown as KioskApi;
  return {
    api,
    get,
    emit: (payload: unknown) => eventHandlers.forEach((h) => h(payload)),
    connect() {
      state = 'connected';
      stateHandlers.forEach((h) => h(state));
    },
    drop() {
      state = 'reconnecting';
      stateHandlers.forEach((h) => h(state));
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('pendingKiosk', () => {
  it('holds a call until the bridge is there and connected', async () => {
    const pending = pendingKiosk();
    const answer = pending.api.config.get();
    const bridge = fakeBridge('reconnecting');
    pending.resolve(bridge.api);
    await Promise.resolve();
    expect(bridge.get).not.toHaveBeenCalled();
    bridge.connect();
    await expect(answer).resolves.toEqual({ roomName: '一楼大厅' });
  });

  it('lets a call through after the first connection is overdue, to fail as the bridge does', async () => {
    vi.useFakeTimers();
    const pending = pendingKiosk();
    const bridge = fakeBridge('reconnecting');
    pending.resolve(bridge.api);
    const answer = pending.api.config.get();
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(answer).resolves.toBeDefined();
    expect(bridge.get).toHaveBeenCalledTimes(1);
  });

  it('passes on events subscribed before the bridge arrived, until unsubscribed', () => {
    const pending = pendingKiosk();
    const seen: unknown[] = [];
    const off = pending.api.on('idcard.cardRemoved', (p) => seen.push(p));
    const bridge = fakeBridge('connected');
    pending.resolve(bridge.api);
    bridge.emit('one');
    off();
    bridge.emit('two');
    expect(seen).toEqual(['one']);
  });

  it('says the link is up until it is known not to be, then tells of each change', () => {
    const pending = pendingKiosk();
    const states: ConnectionState[] = [];
    pending.api.connection.onChange((s) => states.push(s));
    expect(pending.api.connection.state()).toBe('connected');
    const bridge = fakeBridge('reconnecting');
    pending.resolve(bridge.api);
    // Still connecting for the first time: nothing is known to be wrong.
    expect(pending.api.connection.state()).toBe('connected');
    pending.unreachable();
    expect(pending.api.connection.state()).toBe('reconnecting');
    bridge.connect();
    expect(pending.api.connection.state()).toBe('connected');
    expect(states).toEqual(['reconnecting', 'connected']);
  });

  it('says reconnecting when the first connection is overdue', async () => {
    vi.useFakeTimers();
    const pending = pendingKiosk(4000);
    pending.resolve(fakeBridge('reconnecting').api);
    await vi.advanceTimersByTimeAsync(3999);
    expect(pending.api.connection.state()).toBe('connected');
    await vi.advanceTimersByTimeAsync(1);
    expect(pending.api.connection.state()).toBe('reconnecting');
  });

  it('follows the bridge once it has connected', () => {
    const pending = pendingKiosk();
    const bridge = fakeBridge('connected');
    pending.resolve(bridge.api);
    pending.unreachable();
    expect(pending.api.connection.state()).toBe('connected');
    bridge.drop();
    expect(pending.api.connection.state()).toBe('reconnecting');
  });

  it('is not mistaken for a promise', async () => {
    const pending = pendingKiosk();
    await expect(Promise.resolve(pending.api)).resolves.toBe(pending.api);
  });
});
