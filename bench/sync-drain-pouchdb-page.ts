/**
 * The page of PouchDB's side of bench/sync-drain.ts in Chromium, bundled by esbuild: each
 * application sealed by the kiosk's own code (WebCrypto) into a document whose sealed image
 * is an attachment, stored in PouchDB's browser build on IndexedDB, then replicated to
 * pouchdb-server by PouchDB's own replication. PouchDB itself comes from its dist build,
 * loaded by a script tag before this module (global `PouchDB`).
 */
import type { KioskCredentials } from '../sync/client/kiosk-credentials';
import { benchCredentials, sealedPouchDocument } from './sync-drain-fixture';

/** The little of PouchDB's API this page uses (the package ships no types). */
interface Pouch {
  adapter: string;
  bulkDocs(docs: object[]): Promise<unknown>;
  replicate: { to(target: string, options?: object): Promise<{ docs_written: number }> };
  close(): Promise<void>;
}
declare const PouchDB: new (name: string, options?: object) => Pouch;

let local: Pouch | undefined;
let credentials: KioskCredentials | undefined;

const drainBench = {
  /** Opens the local database on `adapter` ('idb', PouchDB's default in browsers, or 'indexeddb'). */
  async setup(options: { adapter: string; target: string }): Promise<{ adapter: string }> {
    credentials = await benchCredentials(options.target);
    local = new PouchDB('bench-drain', { adapter: options.adapter });
    return { adapter: local.adapter };
  },

  /** Seals and stores applications `from`.. `from + count - 1`; gives their document ids. */
  async queue(from: number, count: number, kb: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = from; i < from + count; i++) {
      const { id, doc } = await sealedPouchDocument(
        i,
        kb,
        credentials!,
        (sealed) => new Blob([sealed as Uint8Array<ArrayBuffer>]),
      );
      ids.push(id);
      await local!.bulkDocs([doc]);
    }
    return ids;
  },

  /** One replication to `target`, with PouchDB's default batches, timed to its end. */
  async drain(target: string): Promise<{ drainMs: number; docsWritten: number }> {
    const started = performance.now();
    const result = await local!.replicate.to(target);
    return { drainMs: performance.now() - started, docsWritten: result.docs_written };
  },

  async close(): Promise<void> {
    await local?.close();
  },
};

export type DrainBench = typeof drainBench;
(globalThis as { drainBench?: DrainBench }).drainBench = drainBench;
