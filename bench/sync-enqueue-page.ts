/**
 * The page side of bench/sync-enqueue.ts, bundled for Chromium: the kiosk's submit path (seal
 * to the platform's HPKE key, durable write to the Dexie outbox) and, as the baseline, a bare
 * IndexedDB write of the same three images with strict durability, in the same page.
 */
import { sealSubmission } from '../sync/client/application-sealer';
import { storeSealedApplication } from '../sync/client/dexie/application-intake';
import { KioskDb } from '../sync/client/dexie/kiosk-db';
import { nextReceiptNumber } from '../sync/client/dexie/receipt-sequence';
import { benchCredentials, medicalInsuranceSubmission, randomBytes } from './sync-drain-fixture';

const IMAGE_BYTES = 200 * 1024;

const image = () => randomBytes(IMAGE_BYTES);

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
  const credentials = await benchCredentials('http://127.0.0.1:1');
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

    const submission = medicalInsuranceSubmission(
      { householdType: 'local' },
      ['a', 'b', 'c'].map((materialId, m) => ({
        materialId,
        name: materialId,
        blob: new Blob([images[m]! as Uint8Array<ArrayBuffer>]),
      })),
    );
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
