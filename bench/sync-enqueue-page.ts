/**
 * The page side of bench/sync-enqueue.ts, bundled for Chromium: the kiosk's submit path (seal
 * to the platform's HPKE key, durable write to the Dexie outbox) and, as the baseline, a bare
 * IndexedDB write of the same three images with strict durability, in the same page.
 */
import { sealSubmission, type ApplicationSubmission } from '../sync/client/application-sealer';
import type { KioskCredentials } from '../sync/client/kiosk-credentials';
import { newSigningKeyPair } from '../sync/client/kiosk-credentials';
import { toBase64 } from '../sync/protocol/base64';
import { importLookupKey } from '../sync/protocol/id-hash';
import { exportPlatformPublicKey, generatePlatformKeyPair } from '../sync/protocol/seal';
import { storeSealedApplication } from '../sync/client/dexie/application-intake';
import { KioskDb } from '../sync/client/dexie/kiosk-db';
import { nextReceiptNumber } from '../sync/client/dexie/receipt-sequence';

const IMAGE_BYTES = 200 * 1024;

function image(): Uint8Array {
  const bytes = new Uint8Array(IMAGE_BYTES);
  for (let i = 0; i < IMAGE_BYTES; i += 65_536)
    crypto.getRandomValues(bytes.subarray(i, Math.min(IMAGE_BYTES, i + 65_536)));
  return bytes;
}

function openBare(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('images');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function writeBare(db: IDBDatabase, key: number, images: Uint8Array[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('images', 'readwrite', { durability: 'strict' });
    images.forEach((bytes, i) => tx.objectStore('images').put(bytes, `${key}/${i}`));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function run(runs: number): Promise<{ bare: number[]; seal: number[]; total: number[] }> {
  const platformKeys = await generatePlatformKeyPair();
  const keys = await newSigningKeyPair();
  const credentials: KioskCredentials = {
    kioskId: 'K-BENCH',
    receiptPrefix: 'KB01',
    platformUrl: 'http://127.0.0.1:1',
    signingKey: keys.signingKey,
    publicJwk: keys.publicJwk,
    lookupKey: await importLookupKey(toBase64(crypto.getRandomValues(new Uint8Array(32)))),
    platformEncryptionKey: await exportPlatformPublicKey(platformKeys.publicKey),
    enrolledAt: Date.now(),
  };
  const db = new KioskDb(`bench-enqueue-${Date.now()}`);
  await db.open();
  const bareDb = await openBare(`bench-bare-${Date.now()}`);
  const bare: number[] = [];
  const seal: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs; i++) {
    const images = [image(), image(), image()];
    const b0 = performance.now();
    await writeBare(bareDb, i, images);
    bare.push(performance.now() - b0);

    const submission: ApplicationSubmission = {
      serviceCode: '000131137000',
      serviceName: '城乡居民医保参保登记',
      form: {
        applicantName: '测试',
        applicantIdNumber: '11010519491231002X',
        phone: '13800138000',
        householdType: 'local',
      },
      identity: { name: '测试' },
      idNumber: '11010519491231002X',
      materials: ['a', 'b', 'c'].map((materialId, m) => ({
        materialId,
        name: materialId,
        blob: new Blob([images[m]! as Uint8Array<ArrayBuffer>]),
      })),
      missing: [],
    };
    const t0 = performance.now();
    const receipt = await nextReceiptNumber(db, credentials.receiptPrefix, new Date());
    const sealed = await sealSubmission(submission, credentials, receipt, Date.now());
    const t1 = performance.now();
    await storeSealedApplication(db, sealed);
    const t2 = performance.now();
    seal.push(t1 - t0);
    total.push(t2 - t0);
  }
  db.close();
  bareDb.close();
  return { bare, seal, total };
}

(globalThis as { runEnqueueBench?: typeof run }).runEnqueueBench = run;
