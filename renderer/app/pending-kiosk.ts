// `window.kiosk` as the screens see it from the first paint on, before the device bridge's
// code has loaded and its socket has opened. Calls wait for the bridge's first connection
// (a citizen can touch before it is up), at most FIRST_CONNECTION_MS, then go through as
// they would have; events are passed on once the bridge is there. Until the first
// connection the link counts as up, as nothing says otherwise, unless an attempt to reach
// the device host has failed or the connection is overdue: then it is 'reconnecting', and
// the banner says so.
import type { ConnectionState, KioskApi } from '../../devices/bridge/contract';
import { laterSubscription, lateValue, type LateValue } from './late-value';

export const FIRST_CONNECTION_MS = 10_000;

/** Resolves when `kiosk` is first connected, or after `limitMs` regardless. */
export function firstConnection(kiosk: KioskApi, limitMs = FIRST_CONNECTION_MS): Promise<void> {
  if (kiosk.connection.state() === 'connected') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      off();
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    const off = kiosk.connection.onChange((state) => {
      if (state === 'connected') done();
    });
  });
}

export interface PendingKiosk {
  api: KioskApi;
  /** Hands over the real bridge. */
  resolve(real: KioskApi): void;
  /** An attempt to reach the device host failed. */
  unreachable(): void;
}

export function pendingKiosk(overdueMs = FIRST_CONNECTION_MS): PendingKiosk {
  const real: LateValue<KioskApi> = lateValue();
  let connected: Promise<KioskApi> | undefined;
  const usable = () =>
    (connected ??= real.promise().then(async (kiosk) => {
      await firstConnection(kiosk);
      return kiosk;
    }));

  // What the link is known to be: up until the bridge says otherwise, or a failure does.
  let everConnected = false;
  let knownDown = false;
  const stateHandlers = new Set<(state: ConnectionState) => void>();
  const state = (): ConnectionState => {
    const bridge = real.current()?.connection.state();
    if (bridge === 'connected' || everConnected) return bridge ?? 'reconnecting';
    return knownDown ? 'reconnecting' : 'connected';
  };
  let told = state();
  const tell = () => {
    const now = state();
    if (now === told) return;
    told = now;
    for (const handler of stateHandlers) handler(now);
  };
  const overdue = setTimeout(() => {
    knownDown = true;
    tell();
  }, overdueMs);
  real.when((kiosk) => {
    kiosk.connection.onChange((s) => {
      if (s === 'connected') {
        everConnected = true;
        clearTimeout(overdue);
      }
      tell();
    });
    if (kiosk.connection.state() === 'connected') {
      everConnected = true;
      clearTimeout(overdue);
    }
    tell();
  });

  const namespaces = new Map<string, Record<string, (args?: unknown) => Promise<unknown>>>();
  const namespace = (ns: string) => {
    let members = namespaces.get(ns);
    if (!members) {
      const made = new Map<string, (args?: unknown) => Promise<unknown>>();
      members = new Proxy({} as Record<string, (args?: unknown) => Promise<unknown>>, {
        get(_, member) {
          if (typeof member !== 'string') return undefined;
          let call = made.get(member);
          if (!call) {
            call = async (args?: unknown) => {
              const kiosk = (await usable()) as unknown as Record<
                string,
                Record<string, (args?: unknown) => Promise<unknown>>
              >;
              return kiosk[ns]![member]!(args);
            };
            made.set(member, call);
          }
          return call;
        },
      });
      namespaces.set(ns, members);
    }
    return members;
  };

  const fixed = {
    on: (event: string, handler: (payload: unknown) => void) =>
      laterSubscription(real, (kiosk) =>
        (kiosk.on as (e: string, h: (p: unknown) => void) => () => void)(event, handler),
      ),
    connection: {
      state,
      onChange(handler: (state: ConnectionState) => void) {
        stateHandlers.add(handler);
        return () => void stateHandlers.delete(handler);
      },
    },
  };

  const api = new Proxy(fixed, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      // Not a thenable: `await` on the api must not mistake it for a promise.
      if (typeof key !== 'string' || key === 'then') return undefined;
      return namespace(key);
    },
  }) as unknown as KioskApi;

  return {
    api,
    resolve: (kiosk) => real.set(kiosk),
    unreachable() {
      if (everConnected) return;
      knownDown = true;
      tell();
    },
  };
}
