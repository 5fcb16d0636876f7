// A scripted `window.kiosk` for the console's tests and screenshots: every call is a
// vitest-free stub that a test replaces, events are emitted by hand, and the connection
// state is switched by hand.
import {
  KioskError,
  type ConnectionState,
  type EventName,
  type EventPayload,
  type Identity,
  type KioskApi,
  type KioskConfig,
  type PrinterStatus,
} from '../../devices/bridge/contract';

export const demoConfig: KioskConfig = {
  mode: 'web',
  demo: true,
  roomName: '朝阳区政务服务中心 24小时自助区',
  platformUrl: 'http://127.0.0.1:8787',
  locale: 'zh-CN',
  hotline: '12345',
  idleTimeoutSeconds: 120,
};

export const readyPrinter: PrinterStatus = {
  state: 'ready',
  online: true,
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
  cutterError: false,
  model: 'SIM-80',
};

/** A resident's card as the reader gives it: valid for life, no photo. */
export const residentCard: Identity = {
  cardType: 'resident',
  name: '张小三',
  sex: 'male',
  birthDate: '1949-12-31',
  address: '北京市朝阳区某某路1号',
  idNumber: '11010519491231002X',
  idNumberValid: true,
  validTo: '长期',
};

export interface FakeKiosk {
  api: KioskApi;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  setConnection(state: ConnectionState): void;
  /** Tokens passed to technician.logout, in order. */
  loggedOut: string[];
}

type Handler = (payload: never) => void;

export function fakeKiosk(pin = '246810'): FakeKiosk {
  const handlers = new Map<string, Set<Handler>>();
  const connectionHandlers = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = 'connected';
  let config = { ...demoConfig };
  const loggedOut: string[] = [];
  const token = 'tok-1';
  const needToken = (given: string | undefined) => {
    if (given !== token || loggedOut.includes(token))
      throw new KioskError('UNAUTHORIZED', 'technician login required');
  };
  const unimplemented = (name: string) => () =>
    Promise.reject(new KioskError('INTERNAL', `${name} not scripted`));

  const api = {
    idcard: { status: unimplemented('idcard.status'), readOnce: unimplemented('idcard.readOnce') },
    printer: {
      status: async () => readyPrinter,
      print: unimplemented('printer.print'),
      printAcceptanceReceipt: unimplemented('printer.printAcceptanceReceipt'),
      printTestPage: async (args?: { token: string }) => {
        needToken(args?.token);
        return { jobId: 'job-7', bytes: 2048 };
      },
    },
    scanner: { status: unimplemented('scanner.status') },
    devices: {
      list: async () => [],
      discover: async (args?: { token: string }) => {
        needToken(args?.token);
        return { serial: [], hid: [] };
      },
    },
    config: {
      get: async () => config,
      set: async (args?: { token: string; patch: Partial<KioskConfig> }) => {
        needToken(args?.token);
        config = { ...config, ...args?.patch };
        return config;
      },
    },
    technician: {
      login: async (args?: { pin: string }) => {
        if (args?.pin !== pin) throw new KioskError('UNAUTHORIZED', 'wrong PIN');
        return { token, expiresAt: '2099-01-01T00:00:00.000Z' };
      },
      logout: async (args?: { token: string }) => {
        if (args) loggedOut.push(args.token);
        return { ok: true as const };
      },
    },
    system: { ping: unimplemented('system.ping'), info: unimplemented('system.info') },
    on(event: string, handler: Handler) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
    connection: {
      state: () => connection,
      onChange(handler: (state: ConnectionState) => void) {
        connectionHandlers.add(handler);
        return () => connectionHandlers.delete(handler);
      },
    },
  } as unknown as KioskApi;

  return {
    api,
    loggedOut,
    emit(event, payload) {
      for (const handler of handlers.get(event) ?? [])
        (handler as (p: typeof payload) => void)(payload);
    },
    setConnection(state) {
      connection = state;
      for (const handler of connectionHandlers) handler(state);
    },
  };
}
