import { Worker } from 'node:worker_threads';
import type { Service } from '../protocol/catalog';
import { HPKE_INFO_ENVELOPE } from '../protocol/seal';
import { envelopeCheckOutcome } from './envelope-check';
import type { EnvelopeCheckOutcome } from './envelope-check';
import { createNativeOpener } from './hpke-native-open';

/**
 * Runs the per-envelope checks (schema, HPKE opening, form check, hashing) off the event
 * loop. Opening an envelope is an ECDH on P-256 and dominates intake; on the main thread it
 * keeps HTTP parsing, signatures and the database waiting, and leaves the other cores idle.
 * The pool spreads a batch over its threads and keeps the items' order. With `size` 0 the
 * checks run inline, which is what a single-core host should choose.
 */

export interface EnvelopeKeys {
  hpkePrivateRaw: Uint8Array;
  hpkePublicRaw: Uint8Array;
  lookupKey: Uint8Array;
}

export interface BatchCheckContext {
  receiptPrefix: string;
  today: string;
  catalog: { version: number; services: Map<string, Service> } | undefined;
}

export interface EnvelopeChecker {
  check(items: unknown[], context: BatchCheckContext): Promise<EnvelopeCheckOutcome[]>;
  close(): Promise<void>;
}

/** What the pool tells a thread; the thread answers a `check` with `CheckReply`. */
export type CheckThreadMessage =
  | { kind: 'catalog'; version: number; services: Service[] }
  | { kind: 'check'; job: number; items: unknown[]; receiptPrefix: string; today: string };

export interface CheckReply {
  job: number;
  outcomes: EnvelopeCheckOutcome[];
}

export function createInlineChecker(keys: EnvelopeKeys): EnvelopeChecker {
  const opener = createNativeOpener(keys.hpkePrivateRaw, keys.hpkePublicRaw, HPKE_INFO_ENVELOPE);
  return {
    check: async (items, context) =>
      items.map((item) =>
        envelopeCheckOutcome(item, {
          receiptPrefix: context.receiptPrefix,
          today: context.today,
          service: (code) => context.catalog?.services.get(code),
          opener,
          lookupKey: keys.lookupKey,
        }),
      ),
    close: async () => undefined,
  };
}

/** Fewer items than this per thread cost more in messaging than they gain in parallelism. */
const MIN_ITEMS_PER_THREAD = 8;

interface Pending {
  resolve: (outcomes: EnvelopeCheckOutcome[]) => void;
  reject: (error: Error) => void;
  items: number;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  load: number;
  catalogVersion: number;
}

export function createEnvelopeCheckPool(keys: EnvelopeKeys, size: number): EnvelopeChecker {
  if (size <= 0) return createInlineChecker(keys);
  let closed = false;
  let nextJob = 0;
  const entry = new URL('./envelope-check-thread-entry.mjs', import.meta.url);

  const spawn = (): Thread => {
    const thread: Thread = {
      worker: new Worker(entry, { workerData: keys }),
      pending: new Map(),
      load: 0,
      catalogVersion: -1,
    };
    thread.worker.unref();
    thread.worker.on('message', (reply: CheckReply) => {
      const pending = thread.pending.get(reply.job);
      if (pending === undefined) return;
      thread.pending.delete(reply.job);
      thread.load -= pending.items;
      pending.resolve(reply.outcomes);
    });
    const fail = (error: Error) => {
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
      thread.load = 0;
      // A crashed thread is replaced; its batches fail as a whole and the kiosks send them again.
      if (!closed) threads[threads.indexOf(thread)] = spawn();
    };
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => {
      if (!closed) fail(new Error(`envelope check thread exited with code ${code}`));
    });
    return thread;
  };
  const threads = Array.from({ length: size }, spawn);

  const run = (
    thread: Thread,
    items: unknown[],
    context: BatchCheckContext,
  ): Promise<EnvelopeCheckOutcome[]> => {
    if (context.catalog !== undefined && context.catalog.version !== thread.catalogVersion) {
      thread.catalogVersion = context.catalog.version;
      thread.worker.postMessage({
        kind: 'catalog',
        version: context.catalog.version,
        services: [...context.catalog.services.values()],
      } satisfies CheckThreadMessage);
    }
    const job = nextJob++;
    return new Promise((resolve, reject) => {
      thread.pending.set(job, { resolve, reject, items: items.length });
      thread.load += items.length;
      thread.worker.postMessage({
        kind: 'check',
        job,
        items,
        receiptPrefix: context.receiptPrefix,
        today: context.today,
      } satisfies CheckThreadMessage);
    });
  };

  return {
    async check(items, context) {
      if (closed) throw new Error('the envelope check pool is closed');
      if (items.length === 0) return [];
      const parts = Math.max(
        1,
        Math.min(threads.length, Math.floor(items.length / MIN_ITEMS_PER_THREAD)),
      );
      const per = Math.ceil(items.length / parts);
      const idlest = [...threads].sort((a, b) => a.load - b.load);
      const chunks = await Promise.all(
        idlest
          .slice(0, parts)
          .map((thread, i) => run(thread, items.slice(i * per, (i + 1) * per), context)),
      );
      return chunks.flat();
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
