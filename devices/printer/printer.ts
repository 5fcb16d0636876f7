// The receipt printer driver: keeps the link open (reopening it after an unplug), knows the
// printer's state from DLE EOT polls and, where the model has it, automatic status back, and
// prints jobs one at a time. A job counts as printed only when the printer has processed it:
// each job ends with GS r 1, which the printer answers when it reaches that point in its
// buffer. A job on a printer that cannot print, or that stops printing half-way, fails with
// PRINTER_NOT_READY and the state that stopped it; nothing is dropped in silence.
import { randomUUID } from 'node:crypto';
import {
  KioskError,
  type PrinterState,
  type PrinterStatus,
  type ReceiptDocument,
} from '../bridge/contract';
import type { DeviceDriver, LinkState } from '../driver/device-driver';
import { DriverEvents } from '../driver/driver-events';
import { ReconnectingLink, reasonOf } from '../driver/reconnecting-link';
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

export type PrinterConnection = LinkState;

export interface PrinterEvents {
  status: PrinterStatus;
  connection: PrinterConnection;
}

export interface PrintResult {
  jobId: string;
  bytes: number;
}

export interface Printer extends DeviceDriver<PrinterEvents> {
  readonly profile: PrinterProfile;
  /** Opens the link and polls once; resolves either way (status() then tells). */
  start(): Promise<void>;
  status(): PrinterStatus;
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
  const jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
  const events = new DriverEvents<PrinterEvents>();

  let running = false;
  let reader = new StatusReader(profile.status);
  let flags: PrinterFlags = NO_FLAGS;
  // The flags a poll round is building up, reply by reply; published only when complete.
  let round: PrinterFlags = NO_FLAGS;
  let replying = false;
  let current = printerStatus(NO_FLAGS, false, options.model);
  let pending: Pending[] = [];
  let polling: Promise<void> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
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
    const transport = link.transport;
    if (!transport) {
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
      await transport.write(Uint8Array.from(bytes));
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
    pending = [];
    staleMarkers = 0;
    replying = false;
    publish();
    for (const job of jobMarkers.slice()) job.fail(notReady('offline', `link lost (${reason})`));
  };

  const opened = async (transport: ByteTransport): Promise<void> => {
    reader = new StatusReader(profile.status);
    if (profile.autoStatusBack)
      await transport.write(Uint8Array.from(cmd.autoStatusBack(true))).catch(() => undefined);
    await poll();
    schedulePoll();
  };

  const link = new ReconnectingLink(
    { open: options.open, reopenIntervalMs: options.reopenIntervalMs ?? 1000 },
    {
      opened,
      data: (chunk) => {
        for (const frame of reader.push(chunk)) onFrame(frame);
      },
      lost,
      state: (state) => {
        events.emit('connection', state);
        // An open that failed leaves the status as offline as it was, said again.
        if (!state.connected) {
          replying = false;
          publish();
        }
      },
    },
  );

  const runJob = async (document: ReceiptDocument): Promise<PrintResult> => {
    const transport = link.transport;
    if (!transport) throw notReady('offline', link.state().reason ?? 'not connected');
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
      await transport
        .write(framed)
        .catch((error: unknown) => job.fail(notReady('offline', reasonOf(error))));
      await taken;
      return { jobId, bytes: bytes.length };
    } catch (error) {
      if (link.transport === transport) {
        // Cancel the rest so it does not come out later; where the model cannot, remember
        // that its marker may still arrive. A printer that went silent has lost it anyway.
        if (profile.clearBuffer) await transport.write(profile.clearBuffer).catch(() => undefined);
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
    on: (event, handler) => events.on(event, handler),
    once: (event, handler) => events.once(event, handler),
    off: (event, handler) => events.off(event, handler),
    async start() {
      if (running) return;
      running = true;
      await link.start();
    },
    async stop() {
      running = false;
      clearTimeout(pollTimer);
      pending = [];
      const closed = link.stop();
      for (const job of jobMarkers.slice()) job.fail(notReady('offline', 'printer driver stopped'));
      await closed;
      replying = false;
      publish();
    },
    status: () => current,
    connection: () => link.state(),
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
      if (!link.transport) throw notReady('offline', 'not connected');
      await link.transport.write(profile.retract);
    },
  };
}
