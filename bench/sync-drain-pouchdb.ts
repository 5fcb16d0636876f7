import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sealSubmission } from '../sync/client/application-sealer';
import { newSigningKeyPair, type KioskCredentials } from '../sync/client/kiosk-credentials';
import { toBase64 } from '../sync/protocol/base64';
import { importLookupKey } from '../sync/protocol/id-hash';
import { exportPlatformPublicKey, generatePlatformKeyPair } from '../sync/protocol/seal';
import type { SideResult } from './sync-drain';
import { benchSubmission, sampleMemory } from './sync-drain-fixture';

/** The little of PouchDB's API this side uses (the package ships no types). */
interface Pouch {
  bulkDocs(docs: object[]): Promise<unknown>;
  replicate: { to(target: string, options?: object): Promise<{ docs_written: number }> };
  allDocs(): Promise<{ rows: Array<{ id: string }> }>;
  destroy(): Promise<void>;
}
type PouchConstructor = {
  new (name: string, options?: object): Pouch;
  plugin(plugin: unknown): PouchConstructor;
};

const require = createRequire(import.meta.url);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startPouchdbServer(): Promise<{ url: string; stop(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'budayang-pouchdb-server-'));
  const port = await freePort();
  const bin = path.join(import.meta.dirname, '../node_modules/.bin/pouchdb-server');
  const child = spawn(bin, ['--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs'], {
    cwd: dir,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (
      (await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)) === true
    )
      break;
    if (tries > 300) throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => child.kill('SIGKILL') };
}

/**
 * PouchDB's side of bench/sync-drain.ts: the same applications, sealed by the same code, as
 * documents with the sealed image as an attachment, replicated to pouchdb-server (LevelDB on
 * disk) by PouchDB's own replication.
 */
export async function runSide({ apps, kb }: { apps: number; kb: number }): Promise<SideResult> {
  const PouchDB = (require('pouchdb') as PouchConstructor).plugin(
    require('pouchdb-adapter-memory'),
  );
  const server = await startPouchdbServer();
  const platformKeys = await generatePlatformKeyPair();
  const keys = await newSigningKeyPair();
  const credentials: KioskCredentials = {
    kioskId: 'K-BENCH',
    receiptPrefix: 'KB01',
    platformUrl: server.url,
    signingKey: keys.signingKey,
    publicJwk: keys.publicJwk,
    lookupKey: await importLookupKey(toBase64(crypto.getRandomValues(new Uint8Array(32)))),
    platformEncryptionKey: await exportPlatformPublicKey(platformKeys.publicKey),
    enrolledAt: Date.now(),
  };
  const local = new PouchDB(`kiosk-${process.pid}`, { adapter: 'memory' });
  const ids: string[] = [];
  for (let i = 0; i < apps; i++) {
    const receipt = `KB01-20250101-${String(i + 1).padStart(4, '0')}`;
    const sealed = await sealSubmission(benchSubmission(i, kb), credentials, receipt, Date.now());
    ids.push(sealed.entry.id);
    await local.bulkDocs([
      {
        _id: sealed.entry.id,
        envelope: sealed.entry.envelope,
        receiptNumber: sealed.entry.receiptNumber,
        idHash: sealed.entry.idHash,
        _attachments: Object.fromEntries(
          sealed.attachments.map((a) => [
            a.id,
            { content_type: 'application/octet-stream', data: Buffer.from(a.sealed) },
          ]),
        ),
      },
    ]);
  }

  const target = `${server.url}/applications`;
  const memory = sampleMemory();
  const started = performance.now();
  await local.replicate.to(target);
  const drainMs = Math.round(performance.now() - started);
  const { peakHeapMB, peakRssMB } = memory.stop();

  const remote = new PouchDB(target);
  const held = new Set((await remote.allDocs()).rows.map((row) => row.id));
  await local.destroy();
  server.stop();
  return {
    side: 'pouchdb',
    apps,
    drainMs,
    appsPerSec: (apps * 1000) / drainMs,
    peakHeapMB,
    peakRssMB,
    lost: ids.filter((id) => !held.has(id)).length,
    // Document ids are the idempotency key there too; a second copy cannot exist.
    duplicates: 0,
  };
}
