import { createRequire } from 'node:module';
import type { SideOptions, SideResult } from './sync-drain';
import { benchCredentials, sampleMemory, sealedPouchDocument } from './sync-drain-fixture';
import { startPouchdbServer } from './sync-drain-pouchdb-server';

/** The little of PouchDB's API this side uses (the package ships no types). */
interface Pouch {
  bulkDocs(docs: object[]): Promise<unknown>;
  replicate: { to(target: string, options?: object): Promise<{ docs_written: number }> };
  destroy(): Promise<void>;
}
type PouchConstructor = {
  new (name: string, options?: object): Pouch;
  plugin(plugin: unknown): PouchConstructor;
};

const require = createRequire(import.meta.url);

/**
 * PouchDB's side of bench/sync-drain.ts in Node (`--kiosk node`): the same applications,
 * sealed by the same code, as documents with the sealed image as an attachment in PouchDB's
 * memory adapter, replicated to pouchdb-server (LevelDB on disk) by PouchDB's own
 * replication. Heap is this process's V8 heapUsed.
 */
export async function runSide({ apps, kb }: SideOptions): Promise<SideResult> {
  const PouchDB = (require('pouchdb') as PouchConstructor).plugin(
    require('pouchdb-adapter-memory'),
  );
  const server = await startPouchdbServer();
  try {
    const credentials = await benchCredentials(server.url);
    const local = new PouchDB(`kiosk-${process.pid}`, { adapter: 'memory' });
    const ids: string[] = [];
    for (let i = 0; i < apps; i++) {
      const { id, doc } = await sealedPouchDocument(i, kb, credentials, (sealed) =>
        Buffer.from(sealed),
      );
      ids.push(id);
      await local.bulkDocs([doc]);
    }

    const memory = sampleMemory();
    const started = performance.now();
    await local.replicate.to(`${server.url}/applications`);
    const drainMs = Math.round(performance.now() - started);
    const { peakHeapMB, peakRssMB } = memory.stop();

    const held = await server.heldIds('applications');
    await local.destroy();
    return {
      side: 'pouchdb',
      kiosk: 'node',
      runtime: 'memory adapter',
      apps,
      drainMs,
      appsPerSec: (apps * 1000) / drainMs,
      peakHeapMB,
      peakRssMB,
      lost: ids.filter((id) => !held.has(id)).length,
      // Document ids are the idempotency key there too; a second copy cannot exist.
      duplicates: 0,
    };
  } finally {
    await server.stop();
  }
}
