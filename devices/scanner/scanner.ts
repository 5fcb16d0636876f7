// The barcode/QR scanner driver: a line-based reader on any ByteTransport (serial directly,
// HID POS through hidPosFraming), kept open across unplugs, emitting one `scan` per code.
// The kiosk UI takes scans from here through the bridge; it never relies on a keyboard-
// wedge scanner typing into a focused field.
import { EventEmitter } from 'node:events';
import type { ByteTransport, OpenTransport } from '../transport/transport';
import { scannerProfiles, type ScannerProfile } from './profile';
import { ScanLines } from './scan-lines';
import { splitSymbology } from './symbology';

export interface Scan {
  text: string;
  symbology?: string;
}

export interface ScannerConnection {
  connected: boolean;
  device?: string;
  reason?: string;
}

export type ScannerEvents = {
  scan: [Scan];
  connection: [ScannerConnection];
  /** A scan that could not be passed on (too long): reported, not split. */
  rejected: [{ reason: string }];
};

export interface ScannerOptions {
  open: OpenTransport;
  profile?: ScannerProfile;
  reopenIntervalMs?: number;
  maxScanBytes?: number;
}

export interface Scanner {
  readonly events: EventEmitter<ScannerEvents>;
  on<E extends keyof ScannerEvents>(
    event: E,
    handler: (...args: ScannerEvents[E]) => void,
  ): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
  connection(): ScannerConnection;
}

export function createScanner(options: ScannerOptions): Scanner {
  const profile = options.profile ?? scannerProfiles.generic;
  const reopenIntervalMs = options.reopenIntervalMs ?? 1000;
  const events = new EventEmitter<ScannerEvents>();
  let running = false;
  let transport: ByteTransport | undefined;
  let detach: Array<() => void> = [];
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let state: ScannerConnection = { connected: false, reason: 'not started' };

  const setState = (next: ScannerConnection) => {
    const changed = JSON.stringify(next) !== JSON.stringify(state);
    state = next;
    if (changed) events.emit('connection', next);
  };

  const scheduleReopen = () => {
    clearTimeout(reopenTimer);
    if (running) reopenTimer = setTimeout(() => void connect(), reopenIntervalMs);
  };

  const connect = async () => {
    if (!running || transport) return;
    let link: ByteTransport;
    try {
      link = await options.open();
    } catch (error) {
      setState({
        connected: false,
        reason: error instanceof Error ? error.message : String(error),
      });
      scheduleReopen();
      return;
    }
    if (!running) return void (await link.close());
    transport = link;
    const lines = new ScanLines(profile.encoding, options.maxScanBytes);
    detach = [
      link.onData((chunk) => {
        for (const e of lines.push(chunk)) {
          if (e.kind === 'overflow')
            events.emit('rejected', { reason: `scan of ${e.bytes} bytes is too long` });
          else events.emit('scan', splitSymbology(e.text));
        }
      }),
      link.onClose((error) => {
        if (transport !== link) return;
        for (const d of detach) d();
        transport = undefined;
        setState({
          connected: false,
          device: link.description,
          reason: error?.message ?? 'closed',
        });
        scheduleReopen();
      }),
    ];
    setState({ connected: true, device: link.description });
  };

  return {
    events,
    on(event, handler) {
      events.on(event, handler as never);
      return () => events.off(event, handler as never);
    },
    async start() {
      if (running) return;
      running = true;
      await connect();
    },
    async stop() {
      running = false;
      clearTimeout(reopenTimer);
      const link = transport;
      transport = undefined;
      for (const d of detach) d();
      if (link) await link.close().catch(() => undefined);
      setState({ connected: false, reason: 'stopped' });
    },
    connection: () => state,
  };
}
