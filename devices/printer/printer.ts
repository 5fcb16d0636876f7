// The receipt printer driver: keeps the link open (reopening it after an unplug), knows the
// printer's state from DLE EOT polls and, where the model has it, automatic status back, and
// prints jobs one at a time. A job counts as printed only when the printer has processed it:
// each job ends with GS r 1, which the printer answers when it reaches that point in its
// buffer. A job on a printer that cannot print, or that stops printing half-way, fails with
// PRINTER_NOT_READY and the state that stopped it; nothing is dropped in silence.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  KioskError,
  type PrinterState,
  type PrinterStatus,
  type ReceiptDocument,
} from '../bridge/contract';
import type { ByteTransport, OpenTransport } from '../transport/transport';
import { encodeReceipt } from './encoder';
import * as cmd from './escpos-commands';
import { printerProfiles, type PaperWidth, type PrinterProfile } from './profile';
import {
  applyDleEot,
  canPrint,
  fromAutoStatus,
  fromCustomFullStatus,
  NO_FLAGS,
  printerStatus,
  type PrinterFlags,
} from './status-flags';
import { StatusReader, type StatusFrame } from './status-reader';

export interface PrinterOptions {
  open: OpenTransport;
  profile?: PrinterProfile;
  paper?: PaperWidth;
  /** Reported as the status's model. */
  model?: string;
  /** Between status polls; automatic status back reports changes sooner where it exists. */
  pollIntervalMs?: number;
  /** How long a status query may go unanswered before the printer counts as offline. */
  replyTimeoutMs?: number;
  reopenIntervalMs?: number;
  /** How long a printer that reports no fault may take to print one ticket. */
  jobTimeoutMs?: number;
}

export interface PrinterConnection {
  connected: boolean;
  device?: string;
  reason?: string;
}

export type PrinterEvents = {
  status: [PrinterStatus];
  connection: [PrinterConnection];
};

export interface PrintResult {
  jobId: string;
  bytes: number;
}

export interface Printer {
  readonly profile: PrinterProfile;
  readonly events: EventEmitter<PrinterEvents>;
  /** Opens the link and polls once; resolves either way (status() then tells). */
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): PrinterStatus;
  connection(): PrinterConnection;
  /** Polls now and returns the fresh status. */
  refresh(): Promise<PrinterStatus>;
  print(document: ReceiptDocument): Promise<PrintResult>;
  /** Pulls back a ticket nobody took (presenter printers). */
  retract(): Promise<void>;
}

type Query = { kind: 'dle-eot'; n: 1 | 2 | 3 | 4 } | { kind: 'custom-full' };
type Pending = Query & { resolve: () => void };

interface ActiveJob {
  done: () => void;
  fail: (error: KioskError) => void;
}

const notReady = (state: PrinterState, why: string) =>
  new KioskError('PRINTER_NOT_READY', `printer not ready: ${why}`, { state });

export function createPrinter(options: PrinterOptions): Printer {
  const profile = options.profile ?? printerProfiles.epson;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const replyTimeoutMs = options.replyTimeoutMs ?? 1000;
  const reopenIntervalMs = options.reopenIntervalMs ?? 1000;
  const jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
  const events = new EventEmitter<PrinterEvents>();

  let running = false;
  let transport: ByteTransport | undefined;
  let detach: Array<() => void> = [];
  let reader = new StatusReader(profile.status);
  let flags: PrinterFlags = NO_FLAGS;
  // The flags a poll round is building up, reply by reply; published only when complete.
  let round: PrinterFlags = NO_FLAGS;
  let replying = false;
  let current = printerStatus(NO_FLAGS, false, options.model);
  let connectionState: PrinterConnection = { connected: false, reason: 'not started' };
  let pending: Pending[] = [];
  let polling: Promise<void> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let jobs: Promise<unknown> = Promise.resolve();
  const jobMarkers: ActiveJob[] = [];
  // Markers of failed jobs the printer may still reach once its fault is cleared.
  let staleMarkers = 0;

  const publish = () => {
    const next = printerStatus(flags, replying, options.model);
    const changed = JSON.stringify(next) !== JSON.stringify(current);
    current = next;
    if (changed) events.emit('status', next);
    if (!canPrint(next.state))
      for (const job of jobMarkers.slice()) job.fail(notReady(next.state, next.state));
  };

  const setConnection = (next: PrinterConnection) => {
    connectionState = next;
    events.emit('connection', next);
  };

  const onFrame = (frame: StatusFrame) => {
    switch (frame.kind) {
      case 'dle-eot': {
        const head = pending[0];
        if (head?.kind !== 'dle-eot') return; // a late answer to a poll that timed out
        pending.shift();
        round = applyDleEot(round, head.n, frame.byte, profile);
        head.resolve();
        return;
      }
      case 'custom-full': {
        const head = pending[0];
        if (head?.kind !== 'custom-full') return;
        pending.shift();
        round = fromCustomFullStatus(frame.bytes);
        head.resolve();
        return;
      }
      case 'auto-status':
        flags = fromAutoStatus(frame.bytes);
        replying = true;
        publish();
        return;
      case 'paper-status':
        if (staleMarkers > 0) {
          staleMarkers--;
          return;
        }
        jobMarkers[0]?.done();
        return;
    }
  };

  const pollOnce = async (): Promise<void> => {
    const link = transport;
    if (!link) {
      replying = false;
      publish();
      return;
    }
    const queries: Query[] =
      profile.status.kind === 'custom-full'
        ? [{ kind: 'custom-full' }]
        : ([1, 2, 3, 4] as const).map((n) => ({ kind: 'dle-eot', n }));
    const answered = queries.map(
      (q) => new Promise<void>((resolve) => pending.push({ ...q, resolve })),
    );
    round = NO_FLAGS;
    const bytes = queries.flatMap((q) => cmd.statusQuery(q.kind === 'custom-full' ? 0x14 : q.n));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<boolean>(
      (resolve) => (timer = setTimeout(() => resolve(true), replyTimeoutMs)),
    );
    try {
      await link.write(Uint8Array.from(bytes));
      const late = await Promise.race([Promise.all(answered).then(() => false), timedOut]);
      replying = !late;
      if (late) pending = [];
      else flags = round;
    } catch {
      pending = [];
      replying = false;
    } finally {
      clearTimeout(timer);
    }
    publish();
  };

  const poll = (): Promise<void> => {
    polling ??= pollOnce().finally(() => (polling = undefined));
    return polling;
  };

  const schedulePoll = () => {
    clearTimeout(pollTimer);
    if (!running) return;
    pollTimer = setTimeout(() => {
      void poll().then(schedulePoll);
    }, pollIntervalMs);
  };

  const lost = (reason: string) => {
    for (const d of detach) d();
    detach = [];
    transport = undefined;
    pending = [];
    staleMarkers = 0;
    replying = false;
    setConnection({ connected: false, reason });
    publish();
    for (const job of jobMarkers.slice()) job.fail(notReady('offline', `link lost (${reason})`));
    scheduleReopen();
  };

  const scheduleReopen = () => {
    clearTimeout(reopenTimer);
    if (!running) return;
    reopenTimer = setTimeout(() => void connect(), reopenIntervalMs);
  };

  const connect = async (): Promise<void> => {
    if (!running || transport) return;
    let link: ByteTransport;
    try {
      link = await options.open();
    } catch (error) {
      if (connectionState.connected || connectionState.reason !== reasonOf(error)) {
        setConnection({ connected: false, reason: reasonOf(error) });
      }
      replying = false;
      publish();
      scheduleReopen();
      return;
    }
    if (!running) {
      await link.close();
      return;
    }
    transport = link;
    reader = new StatusReader(profile.status);
    detach = [
      link.onData((chunk) => {
        for (const frame of reader.push(chunk)) onFrame(frame);
      }),
      link.onClose((error) => {
        if (transport === link) lost(error ? error.message : 'closed');
      }),
    ];
    setConnection({ connected: true, device: link.description });
    if (profile.autoStatusBack)
      await link.write(Uint8Array.from(cmd.autoStatusBack(true))).catch(() => undefined);
    await poll();
    schedulePoll();
  };

  const runJob = async (document: ReceiptDocument): Promise<PrintResult> => {
    const link = transport;
    if (!link) throw notReady('offline', connectionState.reason ?? 'not connected');
    await poll();
    if (!canPrint(current.state)) throw notReady(current.state, current.state);
    const bytes = encodeReceipt(document, {
      profile,
      ...(options.paper ? { paper: options.paper } : {}),
    });
    const jobId = randomUUID();

    let job!: ActiveJob;
    let expired = false;
    const taken = new Promise<void>((resolve, reject) => {
      job = { done: resolve, fail: reject };
    });
    jobMarkers.push(job);
    const timer = setTimeout(() => {
      expired = true;
      job.fail(notReady('offline', `the printer did not finish the job in ${jobTimeoutMs} ms`));
    }, jobTimeoutMs);
    try {
      const framed = new Uint8Array(bytes.length + 3);
      framed.set(bytes);
      framed.set(cmd.transmitPaperStatus(), bytes.length);
      await link
        .write(framed)
        .catch((error: unknown) => job.fail(notReady('offline', reasonOf(error))));
      await taken;
      return { jobId, bytes: bytes.length };
    } catch (error) {
      if (transport === link) {
        // Cancel the rest so it does not come out later; where the model cannot, remember
        // that its marker may still arrive. A printer that went silent has lost it anyway.
        if (profile.clearBuffer) await link.write(profile.clearBuffer).catch(() => undefined);
        else if (expired) staleMarkers = 0;
        else staleMarkers++;
      }
      throw error;
    } finally {
      clearTimeout(timer);
      jobMarkers.splice(jobMarkers.indexOf(job), 1);
    }
  };

  return {
    profile,
    events,
    async start() {
      if (running) return;
      running = true;
      await connect();
    },
    async stop() {
      running = false;
      clearTimeout(pollTimer);
      clearTimeout(reopenTimer);
      const link = transport;
      for (const d of detach) d();
      detach = [];
      transport = undefined;
      pending = [];
      for (const job of jobMarkers.slice()) job.fail(notReady('offline', 'printer driver stopped'));
      if (link) await link.close().catch(() => undefined);
      replying = false;
      connectionState = { connected: false, reason: 'stopped' };
      publish();
    },
    status: () => current,
    connection: () => connectionState,
    async refresh() {
      await poll();
      return current;
    },
    print(document) {
      const run = jobs.then(() => runJob(document));
      jobs = run.catch(() => undefined);
      return run;
    },
    async retract() {
      if (!profile.retract)
        throw new KioskError('DEVICE_ERROR', `${profile.label} has no presenter`);
      if (!transport) throw notReady('offline', 'not connected');
      await transport.write(profile.retract);
    },
  };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
