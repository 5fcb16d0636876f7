// The ID card reader driver: keeps the port open over a ReconnectingLink, polls for a card
// about every 300 ms while it is open, reads it (find → select → read), and tells the device
// host through events. Whether a card is present is decided by card-presence.ts; this file
// does the I/O. All device I/O goes through the injected OpenTransport.
import type { z } from 'zod';
import {
  KioskError,
  type ReaderStatus as ReaderStatusSchema,
  type Identity,
} from '../bridge/contract';
import type { ByteTransport, OpenTransport } from '../transport/transport';
import { parseBaseInfo } from './base-info';
import { Commands } from './commands';
import { identityFromBaseInfo } from './identity';
import { replyShapes } from './reply-shapes';
import type { Reply, Request } from './sam-frame';
import { LinkError, SamLink } from './sam-link';
import { isTransientStatus, samStatus } from './sam-status';
import { deviceText } from '../driver/device-message';
import {
  NO_CARD,
  observe,
  type Observation,
  type Presence,
  type ReadOutcome,
  type ReaderError,
} from './card-presence';
import { toHex } from '../../domain/hex';
import type { DeviceDriver, LinkState } from '../driver/device-driver';
import { DriverEvents } from '../driver/driver-events';
import { ReconnectingLink } from '../driver/reconnecting-link';

export type ReaderStatus = z.infer<typeof ReaderStatusSchema>;

export type { ReaderError };

export interface ReaderEvents {
  'card-present': Identity;
  'card-removed': void;
  error: ReaderError;
  state: ReaderStatus;
  connection: LinkState;
}

export interface IdCardReaderOptions {
  open: OpenTransport;
  /** Between finds while idle; the protocol asks for no faster than about 300 ms. */
  pollIntervalMs?: number;
  /** Reply time allowed for find, select and the SAM commands. */
  commandTimeoutMs?: number;
  /** Reply time allowed for the base-info read (docs/protocols/idcard-reader.md: within 2 s). */
  readTimeoutMs?: number;
  /** Tries of a read when the reader answers 80, 81 or 41, or a reply was lost. */
  readAttempts?: number;
  /** Tries of one command whose reply was lost or corrupt. */
  commandAttempts?: number;
  /** Consecutive commands without a reply before the port is reopened. */
  unresponsiveAfter?: number;
  /** Wait between attempts to (re)open the port. */
  reopenIntervalMs?: number;
  /** Finds that must miss in a row before the card counts as removed. */
  removalConfirmations?: number;
  /** Ask for the SAM id after opening the port (shown to technicians). */
  querySamId?: boolean;
}

export interface IdCardReader extends DeviceDriver<ReaderEvents> {
  /** What the reader is doing, beyond the link: idle, reading, a card present. */
  status(): ReaderStatus;
  /** Waits up to timeoutMs for a card (or re-reads the one on the reader) and returns it. */
  readOnce(options?: { timeoutMs?: number }): Promise<Identity>;
}

interface Waiter {
  resolve: (identity: Identity) => void;
  reject: (error: KioskError) => void;
  timer: ReturnType<typeof setTimeout>;
}

const ERRORS = {
  unavailable: (device: string, detail: string): ReaderError => ({
    code: 'DEVICE_UNAVAILABLE',
    message: { key: 'device.idcard.unavailable', params: { device, detail } },
  }),
  silent: (device: string): ReaderError => ({
    code: 'DEVICE_UNAVAILABLE',
    message: { key: 'device.idcard.silent', params: { device } },
  }),
  badData: (detail: string): ReaderError => ({
    code: 'DEVICE_ERROR',
    message: { key: 'device.idcard.badData', params: { detail } },
  }),
};

/** The English text of an error, as status.lastError and KioskError messages carry it. */
const inEnglish = (error: ReaderError) => deviceText('en', error.message);

export function createIdCardReader(options: IdCardReaderOptions): IdCardReader {
  const pollIntervalMs = options.pollIntervalMs ?? 300;
  const commandTimeoutMs = options.commandTimeoutMs ?? 500;
  const readTimeoutMs = options.readTimeoutMs ?? 3000;
  const readAttempts = options.readAttempts ?? 3;
  const commandAttempts = options.commandAttempts ?? 3;
  const unresponsiveAfter = options.unresponsiveAfter ?? 3;
  const reopenIntervalMs = options.reopenIntervalMs ?? 1000;
  const removalConfirmations = options.removalConfirmations ?? 2;

  const events = new DriverEvents<ReaderEvents>();
  const emit = <E extends keyof ReaderEvents>(event: E, payload: ReaderEvents[E]) =>
    events.emit(event, payload);

  let status: ReaderStatus = { state: 'disconnected' };
  const setStatus = (next: ReaderStatus) => {
    const same =
      next.state === status.state &&
      next.device === status.device &&
      next.samId === status.samId &&
      next.lastError === status.lastError;
    status = next;
    if (!same) emit('state', { ...status });
  };

  let running = false;
  let loop: Promise<void> | undefined;
  /** The SAM protocol over the link's current transport; none while the reader is away. */
  let sam: SamLink | undefined;
  let presence: Presence = NO_CARD;
  let silentCommands = 0;
  const waiters = new Set<Waiter>();
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const report = (error: ReaderError) => {
    setStatus({ ...status, lastError: inEnglish(error) });
    emit('error', error);
  };

  const exchangeOnce = async (
    request: Request,
    timeoutMs: number,
    accepts: (r: Reply) => boolean,
  ) => {
    if (!sam) throw new LinkError('closed', 'not connected');
    try {
      const reply = await sam.exchange(request, { timeoutMs, accepts });
      silentCommands = 0;
      return reply;
    } catch (error) {
      if (error instanceof LinkError && error.failure !== 'closed') silentCommands++;
      throw error;
    }
  };

  /** A lost or corrupt reply costs a repeat of that command, not of the whole read. */
  const exchange = async (request: Request, timeoutMs: number, accepts: (r: Reply) => boolean) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await exchangeOnce(request, timeoutMs, accepts);
      } catch (error) {
        const lost = error instanceof LinkError && error.failure !== 'closed';
        if (!lost || attempt >= commandAttempts || silentCommands >= unresponsiveAfter) throw error;
      }
    }
  };

  /** The link opened: greet the reader, then poll it for as long as this transport lasts. */
  async function opened(transport: ByteTransport) {
    const current = new SamLink(transport);
    sam = current;
    silentCommands = 0;
    setStatus({ state: 'idle', device: transport.description });
    if (options.querySamId) {
      try {
        const reply = await exchangeOnce(Commands.readSamId, commandTimeoutMs, replyShapes.samId);
        if (reply.sw3 === 0x90)
          setStatus({ ...status, samId: toHex(reply.data, { separator: '', lowercase: true }) });
      } catch {
        // A reader without this command still reads cards.
      }
    }
    if (running && sam === current) loop = pollWhileOpen(current);
  }

  function openFailed(why: string) {
    if (status.lastError !== why) report(ERRORS.unavailable(status.device ?? 'reader', why));
    setStatus({
      state: 'disconnected',
      ...(status.device ? { device: status.device } : {}),
      lastError: why,
    });
  }

  /** The transport is gone (the link closed it, or it ended): forget the card on it. */
  function disconnected(reason: string) {
    const current = sam;
    sam = undefined;
    current?.dispose();
    apply({ kind: 'link-lost' });
    setStatus({
      state: 'disconnected',
      ...(status.device ? { device: status.device } : {}),
      lastError: reason,
    });
  }

  function lost() {
    const device = sam?.transport.description ?? status.device ?? 'reader';
    const why = 'the port closed (unplugged?)';
    disconnected(why);
    report(ERRORS.unavailable(device, why));
  }

  const link = new ReconnectingLink(
    { open: options.open, reopenIntervalMs },
    { opened, openFailed, lost, state: (state) => emit('connection', state) },
  );

  /** find → select → read, retried on 80/81/41 and lost replies once a card was seen. */
  async function readCard(): Promise<ReadOutcome> {
    let last: AttemptOutcome = { kind: 'no-card' };
    let sawCard = false;
    for (let attempt = 0; attempt < readAttempts; attempt++) {
      last = await readAttempt();
      if (last.kind === 'identity') return last;
      if (last.kind === 'card-error' && !last.retry) return last;
      if (last.kind === 'no-card' && !sawCard) return last;
      if (last.kind !== 'no-card') sawCard = true;
      if (!sam || sam.closed) return last;
    }
    return last.kind === 'card-error' ? { kind: 'card-error', error: last.error } : last;
  }

  type AttemptOutcome =
    | Exclude<ReadOutcome, { kind: 'card-error' }>
    | { kind: 'card-error'; error: ReaderError; retry: boolean };

  async function readAttempt(): Promise<AttemptOutcome> {
    try {
      const found = await exchange(Commands.findCard, commandTimeoutMs, replyShapes.find);
      if (found.sw3 !== 0x9f) return statusOutcome(found.sw3);
      setStatus({ ...status, state: 'reading' });
      const selected = await exchange(Commands.selectCard, commandTimeoutMs, replyShapes.select);
      if (selected.sw3 !== 0x90) return statusOutcome(selected.sw3, true);
      const read = await exchange(Commands.readBaseInfo, readTimeoutMs, replyShapes.baseInfo);
      if (read.sw3 !== 0x90) return statusOutcome(read.sw3, true);
      const info = parseBaseInfo(read.data, false);
      if (!info.ok) return { kind: 'card-error', error: ERRORS.badData(info.message), retry: true };
      const identity = identityFromBaseInfo(info.info);
      if (!identity.ok)
        return { kind: 'card-error', error: ERRORS.badData(identity.message), retry: false };
      return { kind: 'identity', identity: identity.identity };
    } catch (error) {
      if (error instanceof LinkError) return { kind: 'no-reply' };
      throw error;
    }
  }

  function statusOutcome(sw3: number, cardSeen = false): AttemptOutcome {
    if (sw3 === 0x80 && !cardSeen) return { kind: 'no-card' };
    return {
      kind: 'card-error',
      error: { code: 'DEVICE_ERROR', message: samStatus(sw3).message },
      retry: isTransientStatus(sw3),
    };
  }

  function settleWaiters(identity: Identity) {
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(identity);
    }
    waiters.clear();
  }

  async function stillPresent(): Promise<boolean | 'no-reply'> {
    for (let miss = 0; miss < removalConfirmations; miss++) {
      try {
        const found = await exchange(Commands.findCard, commandTimeoutMs, replyShapes.find);
        if (found.sw3 === 0x9f) return true;
      } catch (error) {
        if (error instanceof LinkError) return 'no-reply';
        throw error;
      }
      if (miss + 1 < removalConfirmations) await sleep(Math.min(50, pollIntervalMs));
    }
    return false;
  }

  let lastOutcome: ReadOutcome | undefined;

  /** Feeds what a poll saw to the presence state machine and carries out its effects. */
  function apply(seen: Observation) {
    const step = observe(presence, seen);
    presence = step.presence;
    for (const effect of step.effects) {
      switch (effect.kind) {
        case 'status': {
          const { lastError, ...rest } = status;
          setStatus({
            ...rest,
            state: effect.state,
            ...(effect.clearError || lastError === undefined ? {} : { lastError }),
          });
          break;
        }
        case 'card-removed':
          emit('card-removed', undefined);
          break;
        case 'card-present':
          emit('card-present', effect.identity);
          break;
        case 'report':
          report(effect.error);
          break;
        case 'settle':
          settleWaiters(effect.identity);
          break;
      }
    }
  }

  /** One poll; what it saw counts only if the transport it was seen on is still the one. */
  async function tick(current: SamLink) {
    if (presence.card && waiters.size === 0) {
      const here = await stillPresent();
      if (sam !== current) return;
      apply({ kind: here === 'no-reply' ? 'unsure' : here ? 'still-present' : 'removed' });
      lastOutcome = here === 'no-reply' ? { kind: 'no-reply' } : undefined;
      return;
    }
    const outcome = await readCard();
    if (sam !== current) return;
    lastOutcome = outcome;
    apply(outcome);
  }

  async function pollWhileOpen(current: SamLink) {
    while (running && sam === current) {
      await tick(current);
      if (!running || sam !== current) break;
      if (silentCommands >= unresponsiveAfter) {
        const error = ERRORS.silent(current.transport.description);
        const closing = link.drop(inEnglish(error));
        disconnected(inEnglish(error));
        await closing;
        setStatus({ ...status, state: 'error' });
        emit('error', error);
        break;
      }
      if (waiters.size === 0) await sleep(pollIntervalMs);
      else if (lastOutcome?.kind !== 'identity') await sleep(Math.min(pollIntervalMs, 100));
    }
  }

  function failWaiter(waiter: Waiter) {
    waiters.delete(waiter);
    const outcome = lastOutcome;
    if (!sam) {
      waiter.reject(
        new KioskError('DEVICE_UNAVAILABLE', status.lastError ?? 'ID card reader unavailable'),
      );
    } else if (outcome?.kind === 'card-error') {
      waiter.reject(
        new KioskError('DEVICE_ERROR', inEnglish(outcome.error), outcome.error.message),
      );
    } else if (outcome?.kind === 'no-reply') {
      waiter.reject(new KioskError('TIMEOUT', 'ID card reader did not answer in time'));
    } else {
      waiter.reject(new KioskError('NO_CARD', 'No card on the reader'));
    }
  }

  const reader: IdCardReader = {
    async start() {
      if (running) return;
      running = true;
      await link.start();
    },
    async stop() {
      running = false;
      wake?.();
      // Closing the port ends a command in flight at once instead of at its timeout.
      const current = sam;
      await link.stop();
      await loop;
      loop = undefined;
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new KioskError('DEVICE_UNAVAILABLE', 'ID card reader stopped'));
      }
      waiters.clear();
      sam = undefined;
      current?.dispose();
      presence = { failureReported: presence.failureReported };
      setStatus({ state: 'disconnected', ...(status.device ? { device: status.device } : {}) });
    },
    connection: () => link.state(),
    status: () => ({ ...status }),
    readOnce({ timeoutMs = 10_000 } = {}) {
      if (!running)
        return Promise.reject(
          new KioskError('DEVICE_UNAVAILABLE', 'ID card reader is not started'),
        );
      return new Promise<Identity>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          timer: setTimeout(() => failWaiter(waiter), timeoutMs),
        };
        waiters.add(waiter);
        wake?.();
      });
    },
    on: (event, handler) => events.on(event, handler),
    once: (event, handler) => events.once(event, handler),
    off: (event, handler) => events.off(event, handler),
  };
  return reader;
}
