/**
 * Enqueue cost: seal a form with three 200 KB images to the platform's HPKE key and write it
 * durably to the outbox, as submitApplication does. Runs on Node with fake-indexeddb, so the
 * write figure is IndexedDB logic without Chromium's disk flush; the sealing figure is real
 * WebCrypto. Prints median and p95; never fails on time.
 *   npx tsx bench/sync-enqueue.ts [runs]
 */
import 'fake-indexeddb/auto';
import { sealSubmission, type ApplicationSubmission } from '../sync/client/application-sealer';
import type { KioskCredentials } from '../sync/client/kiosk-credentials';
import { newSigningKeyPair } from '../sync/client/kiosk-credentials';
import { toBase64 } from '../sync/protocol/base64';
import { importLookupKey } from '../sync/protocol/id-hash';
import { exportPlatformPublicKey, generatePlatformKeyPair } from '../sync/protocol/seal';
import { storeSealedApplication } from '../renderer/db/application-intake';
import { KioskDb } from '../renderer/db/kiosk-db';
import { nextReceiptNumber } from '../renderer/db/receipt-sequence';

const runs = Number(process.argv[2] ?? 60);
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
const image = () =>
  new Blob([0, 1, 2, 3].map(() => crypto.getRandomValues(new Uint8Array(51_200))));
const submission = (): ApplicationSubmission => ({
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
  materials: ['a', 'b', 'c'].map((materialId) => ({ materialId, name: materialId, blob: image() })),
  missing: [],
});

const seal: number[] = [];
const total: number[] = [];
for (let i = 0; i < runs; i++) {
  const input = submission();
  const t0 = performance.now();
  const receipt = await nextReceiptNumber(db, credentials.receiptPrefix, new Date());
  const sealed = await sealSubmission(input, credentials, receipt, Date.now());
  const t1 = performance.now();
  await storeSealedApplication(db, sealed);
  const t2 = performance.now();
  seal.push(t1 - t0);
  total.push(t2 - t0);
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;
console.log(`enqueue (seal + durable write, 3 × 200 KB images), ${runs} runs`);
console.log(`  seal:  median ${round(pct(seal, 0.5))} ms, p95 ${round(pct(seal, 0.95))} ms`);
console.log(`  total: median ${round(pct(total, 0.5))} ms, p95 ${round(pct(total, 0.95))} ms`);
console.log(
  JSON.stringify({
    runs,
    sealMedianMs: round(pct(seal, 0.5)),
    sealP95Ms: round(pct(seal, 0.95)),
    enqueueMedianMs: round(pct(total, 0.5)),
    enqueueP95Ms: round(pct(total, 0.95)),
  }),
);
db.close();
