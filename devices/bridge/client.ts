import {
  KioskError,
  ResponseMessage,
  EventMessage,
  events,
  methods,
  type ConnectionState,
  type EventName,
  type KioskApi,
  type MethodName,
} from './contract';
import type { Port } from './port';

export interface KioskClientOptions {
  /** Opens a port to the device host; called again whenever the port closes. */
  connect(): Promise<Port>;
  /** A call that gets no answer in this time fails with TIMEOUT. */
  callTimeoutMs?: number;
  /** Wait before the n-th reconnection attempt. */
  reconnectDelayMs?(attempt: number): number;
}

export interface KioskClient {
  api: KioskApi;
  close(): void;
}

type Pending = {
  resolve(value: unknown): void;
  reject(error: KioskError): void;
  timer: ReturnType<typeof setTimeout>;
};

const defaultReconnectDelay = (attempt: number) => Math.min(2000, 100 * 2 ** attempt);

/**
 * Builds `window.kiosk` on a port. Calls never hang: while the host is away they fail at
 * once with HOST_UNAVAILABLE, and an unanswered call fails with TIMEOUT.
 */
export function createKioskClient(options: KioskClientOptions): KioskClient {
  const callTimeoutMs = options.callTimeoutMs ?? 15_000;
  const reconnectDelay = options.reconnectDelayMs ?? defaultReconnectDelay;
  const pending = new Map<number, Pending>();
  const eventHandlers = new Map<string, Set<(payload: unknown) => void>>();
  const stateHandlers = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'reconnecting';
  let port: Port | undefined;
  let nextId = 1;
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function setState(next: ConnectionState) {
    if (state === next) return;
    state = next;
    for (const h of stateHandlers) h(next);
  }

  function failAll(code: 'HOST_UNAVAILABLE', message: string) {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new KioskError(code, message));
      pending.delete(id);
    }
  }

  function onMessage(raw: unknown) {
    const response = ResponseMessage.safeParse(raw);
    if (response.success) {
      const p = pending.get(response.data.id);
      if (!p) return;
      pending.delete(response.data.id);
      clearTimeout(p.timer);
      if (response.data.ok) p.resolve(response.data.result);
      else
        p.reject(
          new KioskError(
            response.data.error.code,
            response.data.error.message,
            response.data.error.details,
          ),
        );
      return;
    }
    const event = EventMessage.safeParse(raw);
    if (!event.success || !(event.data.event in events)) return;
    const payload = events[event.data.event as EventName].safeParse(event.data.payload);
    if (!payload.success) return;
    for (const h of eventHandlers.get(event.data.event) ?? []) h(payload.data);
  }

  async function connectLoop() {
    while (!closed) {
      try {
        const p = await options.connect();
        if (closed) {
          p.close();
          return;
        }
        port = p;
        attempt = 0;
        p.onMessage(onMessage);
        p.onClose(() => {
          if (port !== p) return;
          port = undefined;
          failAll('HOST_UNAVAILABLE', 'the device host is restarting');
          if (!closed) {
            setState('reconnecting');
            scheduleReconnect();
          }
        });
        setState('connected');
        return;
      } catch {
        await new Promise<void>((resolve) => {
          retryTimer = setTimeout(resolve, reconnectDelay(attempt++));
        });
      }
    }
  }

  function scheduleReconnect() {
    retryTimer = setTimeout(() => void connectLoop(), reconnectDelay(attempt++));
  }

  function call(method: MethodName, args: unknown): Promise<unknown> {
    if (closed)
      return Promise.reject(new KioskError('HOST_UNAVAILABLE', 'the kiosk bridge is closed'));
    const current = port;
    if (!current || state !== 'connected') {
      return Promise.reject(new KioskError('HOST_UNAVAILABLE', 'the device host is not connected'));
    }
    const id = nextId++;
    const timeoutMs = timeoutFor(method, args, callTimeoutMs);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new KioskError('TIMEOUT', `${method} got no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      try {
        current.send({ t: 'req', id, method, args: args ?? {} });
      } catch {
        pending.delete(id);
        clearTimeout(timer);
        reject(new KioskError('HOST_UNAVAILABLE', 'the device host is not connected'));
      }
    });
  }

  const api = {
    on(event: EventName, handler: (payload: unknown) => void) {
      let set = eventHandlers.get(event);
      if (!set) eventHandlers.set(event, (set = new Set()));
      set.add(handler);
      return () => set.delete(handler);
    },
    connection: {
      state: () => state,
      onChange(handler: (s: ConnectionState) => void) {
        stateHandlers.add(handler);
        return () => stateHandlers.delete(handler);
      },
    },
  } as Record<string, unknown>;
  for (const name of Object.keys(methods) as MethodName[]) {
    const [ns, member] = name.split('.') as [string, string];
    const target = (api[ns] ??= {}) as Record<string, unknown>;
    target[member] = (args?: unknown) => call(name, args);
  }

  void connectLoop();

  return {
    api: api as unknown as KioskApi,
    close() {
      closed = true;
      clearTimeout(retryTimer);
      failAll('HOST_UNAVAILABLE', 'the kiosk bridge is closed');
      port?.close();
      port = undefined;
    },
  };
}

function timeoutFor(method: MethodName, args: unknown, fallback: number): number {
  // A card read has its own deadline; give the host a little longer to say so itself.
  if (
    method === 'idcard.readOnce' &&
    typeof args === 'object' &&
    args &&
    'timeoutMs' in args &&
    typeof args.timeoutMs === 'number'
  ) {
    return args.timeoutMs + 2_000;
  }
  return fallback;
}
