// A kiosk without a device host or a platform, for screenshot runs and development only
// (loaded by main.tsx under import.meta.env.DEV). window.fakeKiosk drives it from a test.
import type {
  EventName,
  EventPayload,
  Identity,
  KioskApi,
  KioskConfig,
} from '../../devices/bridge/contract';
import { KioskError } from '../../devices/bridge/contract';
import type { KioskServices } from '../app/kiosk-services';
import type {
  DeliveryEvent,
  DeliveryState,
  ProgressEntry,
  SyncPort,
  SyncStatus,
} from '../app/sync-port';
import { unknownSyncStatus } from '../../sync/client/sync-status';
import { demoCatalog } from './demo-catalog';

export const demoIdentity: Identity = {
  cardType: 'resident',
  name: '张小三',
  sex: 'male',
  nation: '汉',
  birthDate: '1949-12-31',
  address: '北京市朝阳区建国路88号院3号楼2单元501',
  idNumber: '11010519491231002X',
  idNumberValid: true,
  issuer: '北京市公安局朝阳分局',
  validFrom: '2015-01-01',
  validTo: '长期',
};

export interface FakeControl {
  placeCard(identity?: Identity): void;
  removeCard(): void;
  scan(text: string): void;
  setOnline(online: boolean): void;
  setPrinterReady(ready: boolean): void;
  printed: unknown[];
}

declare global {
  interface Window {
    fakeKiosk?: FakeControl;
  }
}

export function fakeServices(): KioskServices {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const h of handlers.get(event) ?? []) h(payload);
  };
  let card: Identity | undefined;
  let waiting: ((identity: Identity) => void) | undefined;
  let printerReady = true;
  const printed: unknown[] = [];

  const config: KioskConfig = {
    mode: 'web',
    demo: true,
    roomName: '朝阳区建外街道 24小时自助服务区',
    platformUrl: 'http://127.0.0.1:0',
    locale: 'zh-CN',
    hotline: '12345',
    idleTimeoutSeconds: 90,
  };

  const printerStatus = () => ({
    state: printerReady ? ('ready' as const) : ('paper-out' as const),
    online: true,
    paperOut: !printerReady,
    paperNearEnd: false,
    coverOpen: false,
    cutterError: false,
  });

  const kiosk = {
    idcard: {
      status: async () => ({ state: card ? 'card-present' : 'idle' }),
      readOnce: (args?: { timeoutMs?: number }) =>
        new Promise<Identity>((resolve, reject) => {
          if (card) return resolve(card);
          waiting = resolve;
          setTimeout(() => {
            if (waiting === resolve) waiting = undefined;
            reject(new KioskError('TIMEOUT', 'no card'));
          }, args?.timeoutMs ?? 10_000);
        }),
    },
    printer: {
      status: async () => printerStatus(),
      print: async () => ({ jobId: 'j', bytes: 0 }),
      printAcceptanceReceipt: async (args: { receipt: unknown }) => {
        if (!printerReady) throw new KioskError('PRINTER_NOT_READY', 'paper out');
        printed.push(args.receipt);
        return { jobId: `job-${printed.length}`, bytes: 1024 };
      },
      printTestPage: async () => ({ jobId: 't', bytes: 0 }),
    },
    scanner: { status: async () => ({ state: 'connected' }) },
    devices: { list: async () => [], discover: async () => ({ serial: [], hid: [] }) },
    config: { get: async () => config, set: async () => config },
    technician: {
      login: async () => ({ token: 't', expiresAt: '' }),
      logout: async () => ({ ok: true }),
    },
    system: {
      ping: async () => ({ pong: true, hostStartedAt: '' }),
      info: async () => ({
        version: 'dev',
        mode: 'web',
        demo: true,
        hostStartedAt: '',
        platform: 'linux',
        arch: 'x64',
      }),
    },
    on(event: string, handler: (payload: unknown) => void) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
    connection: { state: () => 'connected' as const, onChange: () => () => undefined },
  } as unknown as KioskApi;

  let status: SyncStatus = { ...unknownSyncStatus(true), enrolled: true };
  const statusHandlers = new Set<(s: SyncStatus) => void>();
  const deliveryHandlers = new Set<(e: DeliveryEvent) => void>();
  const envelopes = new Map<
    string,
    { receiptNumber: string; serviceCode: string; state: DeliveryState; at: string }
  >();
  const setStatus = (next: SyncStatus) => {
    status = next;
    for (const h of statusHandlers) h(status);
  };
  const deliverQueued = () => {
    for (const [id, e] of envelopes) {
      if (e.state !== 'queued') continue;
      e.state = 'acked';
      for (const h of deliveryHandlers) h({ envelopeId: id, state: 'acked' });
    }
    setStatus({ ...status, queueDepth: 0 });
  };
  const entries = (filter: (receipt: string) => boolean): ProgressEntry[] =>
    [...envelopes.values()]
      .filter((e) => filter(e.receiptNumber))
      .map((e) => ({
        receiptNumber: e.receiptNumber,
        serviceCode: e.serviceCode,
        status: e.state === 'acked' && status.online ? 'accepted' : 'waiting-to-send',
        delivery: e.state,
        source: status.online ? 'platform' : 'local',
        updatedAt: e.at,
      }));

  const sync: SyncPort = {
    ready: async () => undefined,
    submitApplication: async (input) => {
      const n = envelopes.size + 1;
      const receiptNumber = `K0101-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
      const envelopeId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      envelopes.set(envelopeId, {
        receiptNumber,
        serviceCode: input.serviceCode,
        state: 'queued',
        at: new Date().toISOString(),
      });
      setStatus({ ...status, queueDepth: status.queueDepth + 1 });
      if (status.online) setTimeout(deliverQueued, 1500);
      return {
        envelopeId,
        receiptNumber,
        kioskId: 'K0101',
        progressUrl: `https://zwfw.example.gov.cn/progress?receipt=${receiptNumber}`,
      };
    },
    deliveryState: async (id) => envelopes.get(id)?.state ?? 'unknown',
    onDelivery: (h) => {
      deliveryHandlers.add(h);
      return () => deliveryHandlers.delete(h);
    },
    catalog: async () => demoCatalog,
    onCatalog: () => () => undefined,
    lookupByReceipt: async (n) => entries((r) => r === n),
    lookupByIdNumber: async () => entries(() => true),
    submitRating: async () => undefined,
    status: () => status,
    syncNow: async () => deliverQueued(),
    onStatus: (h) => {
      statusHandlers.add(h);
      return () => statusHandlers.delete(h);
    },
  };

  window.fakeKiosk = {
    placeCard(identity = demoIdentity) {
      card = identity;
      const w = waiting;
      waiting = undefined;
      w?.(identity);
      emit('idcard.cardPresent', { identity });
    },
    removeCard() {
      card = undefined;
      emit('idcard.cardRemoved', {});
    },
    scan(text) {
      emit('scanner.scanned', { text });
    },
    setOnline(online) {
      setStatus({ ...status, online });
      if (online) setTimeout(deliverQueued, 500);
    },
    setPrinterReady(ready) {
      printerReady = ready;
    },
    printed,
  };

  return { kiosk, config, sync };
}
