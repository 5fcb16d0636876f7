/**
 * The device manager: binds the roles of a kiosk (idcard, printer, scanner, camera) to the
 * devices named in the configuration, builds their drivers, keeps them connected, and says
 * how each is doing.
 *
 * Use from the device host:
 *
 *   const devices = createDeviceManager(parseDevicesConfig(settings.devices), {});
 *   devices.events.on('health', (h) => hub.emit('devices.health', h));   // and telemetry
 *   await devices.start();
 *   devices.printer()?.print(document);  devices.scanner()?.on('scan', …);
 *   devices.idcardReader()?.readOnce();  devices.list();  await devices.discover();
 *   devices.simulators();   // { idcard?, printer?, scanner? } for roles bound to 'simulator'
 *   await devices.stop();
 *
 * Reconnection: each driver reopens its own link after an I/O error (unplug); the manager
 * also scans the buses every `discoveryIntervalMs` so that a device that vanished without an
 * I/O error (nothing was being read) is reported disconnected, with the reason, and one that
 * came back is reported as soon as its driver has reopened it.
 */
import { EventEmitter } from 'node:events';
import type { DeviceHealth, DeviceRole, HealthState } from '../bridge/contract';
import { hidFraming } from '../idcard/hid-framing';
import { createIdCardReader, type IdCardReader } from '../idcard/reader';
import { IdCardSimulator } from '../idcard/simulator';
import { lengthPrefixedFraming } from '../printer/hid-report-framing';
import { createPrinter, type Printer, type PrinterOptions } from '../printer/printer';
import { printerProfile } from '../printer/profile';
import { PrinterSimulator } from '../printer/simulator';
import { canPrint } from '../printer/status-flags';
import { hidPosFraming } from '../scanner/hid-pos-framing';
import { scannerProfile } from '../scanner/profile';
import { createScanner, type Scanner } from '../scanner/scanner';
import { ScannerSimulator } from '../scanner/simulator';
import { openHid, type ReportFraming } from '../transport/hid-device';
import { openLpFile } from '../transport/lp-file';
import { memoryTransportPair } from '../transport/memory';
import { openSerial } from '../transport/serial';
import type { ByteTransport, OpenTransport } from '../transport/transport';
import { describeBinding, type DeviceBinding, type DevicesConfig } from './devices-config';
import {
  discover,
  isPresent,
  systemDiscovery,
  type Discovery,
  type DiscoverySources,
} from './discovery';

/** What the manager needs of an ID card simulator (IdCardSimulator fits). */
export interface IdCardSimulatorLike {
  attach(transport: ByteTransport): void;
  placeCard(card: never): unknown;
  removeCard(): void;
  setFault(fault: never): void;
}

export interface DeviceManagerDeps {
  idcardReaderFactory?: (open: OpenTransport) => IdCardReader;
  idcardSimulatorFactory?: (deviceEnd: ByteTransport) => IdCardSimulatorLike;
  openSerial?: typeof openSerial;
  openHid?: typeof openHid;
  openLp?: typeof openLpFile;
  discovery?: DiscoverySources;
  /** Timing of the printer driver (tests shorten it). */
  printerOptions?: Pick<
    PrinterOptions,
    'pollIntervalMs' | 'replyTimeoutMs' | 'reopenIntervalMs' | 'jobTimeoutMs'
  >;
  reopenIntervalMs?: number;
  now?: () => Date;
}

export interface SimulatorHandles {
  idcard?: IdCardSimulatorLike;
  printer?: PrinterSimulator;
  scanner?: ScannerSimulator;
}

export type DeviceManagerEvents = { health: [DeviceHealth] };

export interface DeviceManager {
  readonly events: EventEmitter<DeviceManagerEvents>;
  start(): Promise<void>;
  stop(): Promise<void>;
  idcardReader(): IdCardReader | undefined;
  printer(): Printer | undefined;
  scanner(): Scanner | undefined;
  list(): DeviceHealth[];
  discover(): Promise<Discovery>;
  simulators(): SimulatorHandles;
}

const ROLES: readonly DeviceRole[] = ['idcard', 'printer', 'scanner', 'camera'];

export function createDeviceManager(
  config: DevicesConfig,
  deps: DeviceManagerDeps = {},
): DeviceManager {
  const now = deps.now ?? (() => new Date());
  const events = new EventEmitter<DeviceManagerEvents>();
  const sources = deps.discovery ?? systemDiscovery;
  const reopenIntervalMs = deps.reopenIntervalMs ?? 1000;
  const health = new Map<DeviceRole, DeviceHealth>();
  const sims: SimulatorHandles = {};
  const stops: Array<() => Promise<void>> = [];
  let discoveryTimer: ReturnType<typeof setInterval> | undefined;

  const modelOf = (b: DeviceBinding) => ('model' in b ? b.model : undefined);

  const report = (role: DeviceRole, state: HealthState, reason?: string) => {
    const binding = config[role];
    const previous = health.get(role);
    if (previous && previous.state === state && previous.reason === reason) return;
    const device = describeBinding(binding);
    const model = modelOf(binding);
    const next: DeviceHealth = {
      role,
      state,
      ...(device === undefined ? {} : { device }),
      ...(model === undefined ? {} : { model }),
      ...(reason === undefined ? {} : { reason }),
      since: now().toISOString(),
    };
    health.set(role, next);
    events.emit('health', next);
  };

  // -------------------------------------------------------------------------------------
  // Links: one OpenTransport per role, whatever the binding.

  /** A simulator's link: a fresh in-memory pair per open, the simulator re-attached to it. */
  const simulatorLink =
    (attach: (deviceEnd: ByteTransport) => void): OpenTransport =>
    async () => {
      const [host, device] = memoryTransportPair('simulator');
      attach(device);
      return host;
    };

  const physicalLink = (
    role: DeviceRole,
    binding: DeviceBinding,
    hid: () => ReportFraming,
  ): OpenTransport => {
    switch (binding.kind) {
      case 'serial':
        return () =>
          (deps.openSerial ?? openSerial)({ path: binding.path, baudRate: binding.baudRate });
      case 'lp':
        return () => (deps.openLp ?? openLpFile)({ path: binding.path });
      case 'hid':
        return () =>
          (deps.openHid ?? openHid)({
            target: { vendorId: binding.vendorId, productId: binding.productId },
            framing: hid(),
          });
      default:
        throw new Error(`${role}: no physical link for a '${binding.kind}' binding`);
    }
  };

  // -------------------------------------------------------------------------------------
  // Drivers

  let reader: IdCardReader | undefined;
  let printer: Printer | undefined;
  let scanner: Scanner | undefined;

  const buildIdcard = () => {
    const binding = config.idcard;
    if (binding.kind === 'none') return;
    let open: OpenTransport;
    if (binding.kind === 'simulator') {
      const makeSim = deps.idcardSimulatorFactory ?? ((t: ByteTransport) => new IdCardSimulator(t));
      open = simulatorLink((deviceEnd) => {
        if (sims.idcard) sims.idcard.attach(deviceEnd);
        else sims.idcard = makeSim(deviceEnd);
      });
    } else {
      open = physicalLink('idcard', binding, () =>
        hidFraming(binding.kind === 'hid' ? (binding.framing ?? 'miaxis') : 'miaxis'),
      );
    }
    const r = (
      deps.idcardReaderFactory ??
      ((o: OpenTransport) => createIdCardReader({ open: o, reopenIntervalMs }))
    )(open);
    r.on('state', (s) => {
      if (s.state === 'disconnected')
        report('idcard', 'disconnected', s.lastError ?? 'not connected');
      else if (s.state === 'error') report('idcard', 'degraded', s.lastError ?? 'reader error');
      else report('idcard', 'connected');
    });
    reader = r;
    stops.push(() => r.stop());
  };

  const buildPrinter = () => {
    const binding = config.printer;
    if (binding.kind === 'none') return;
    const profile = printerProfile(modelOf(binding));
    let open: OpenTransport;
    if (binding.kind === 'simulator') {
      open = simulatorLink((deviceEnd) => {
        if (sims.printer) sims.printer.attach(deviceEnd);
        else sims.printer = new PrinterSimulator(deviceEnd, { profile });
      });
    } else {
      open = physicalLink('printer', binding, () => lengthPrefixedFraming(64));
    }
    const p = createPrinter({
      open,
      profile,
      ...(config.printerPaper ? { paper: config.printerPaper } : {}),
      reopenIntervalMs,
      ...deps.printerOptions,
      ...(modelOf(binding) ? { model: profile.label } : {}),
    });
    const update = () => {
      const c = p.connection();
      if (!c.connected) return report('printer', 'disconnected', c.reason ?? 'not connected');
      const s = p.status();
      if (s.state === 'ready') report('printer', 'connected');
      else report('printer', 'degraded', canPrint(s.state) ? s.state : `${s.state}: cannot print`);
    };
    p.on('connection', update);
    p.on('status', update);
    printer = p;
    stops.push(() => p.stop());
  };

  const buildScanner = () => {
    const binding = config.scanner;
    if (binding.kind === 'none') return;
    const profile = scannerProfile(modelOf(binding));
    let open: OpenTransport;
    if (binding.kind === 'simulator') {
      open = simulatorLink((deviceEnd) => {
        if (sims.scanner) sims.scanner.attach(deviceEnd);
        else sims.scanner = new ScannerSimulator(deviceEnd, profile);
      });
    } else {
      open = physicalLink('scanner', binding, () => {
        if (!profile.hidPos) throw new Error(`scanner model '${profile.id}' has no HID POS layout`);
        return hidPosFraming(profile.hidPos);
      });
    }
    const s = createScanner({ open, profile, reopenIntervalMs });
    s.on('connection', (c) =>
      report(
        'scanner',
        c.connected ? 'connected' : 'disconnected',
        c.connected ? undefined : c.reason,
      ),
    );
    scanner = s;
    stops.push(() => s.stop());
  };

  const checkPresence = async () => {
    const needsBus = ROLES.some((r) => ['serial', 'hid', 'lp'].includes(config[r].kind));
    if (!needsBus) return;
    const found = await discover(sources);
    for (const role of ROLES) {
      if (isPresent(config[role], found) === false)
        report(role, 'disconnected', 'not found: unplugged or powered off');
    }
  };

  for (const role of ROLES)
    report(
      role,
      config[role].kind === 'none' ? 'unconfigured' : 'disconnected',
      config[role].kind === 'none' ? undefined : 'not started',
    );

  return {
    events,
    async start() {
      buildIdcard();
      buildPrinter();
      buildScanner();
      if (config.camera.kind !== 'none') report('camera', 'connected');
      reader?.start();
      await Promise.all([printer?.start(), scanner?.start()]);
      await checkPresence();
      discoveryTimer = setInterval(
        () => void checkPresence().catch(() => undefined),
        config.discoveryIntervalMs,
      );
    },
    async stop() {
      clearInterval(discoveryTimer);
      await Promise.all(stops.splice(0).map((stop) => stop().catch(() => undefined)));
    },
    idcardReader: () => reader,
    printer: () => printer,
    scanner: () => scanner,
    list: () => ROLES.map((role) => health.get(role)!),
    discover: () => discover(sources),
    simulators: () => ({ ...sims }),
  };
}
