import {
  sealSubmission,
  type ApplicationSubmission,
  type SealedApplication,
} from '../sync/client/application-sealer';
import { newSigningKeyPair, type KioskCredentials } from '../sync/client/kiosk-credentials';
import { toBase64 } from '../sync/protocol/base64';
import { importLookupKey } from '../sync/protocol/id-hash';
import { exportPlatformPublicKey, generatePlatformKeyPair } from '../sync/protocol/seal';

// Shared by the Node sides and the Chromium pages of bench/sync-drain.ts: nothing here may
// need Node at import time.

/** Random bytes in pieces, since getRandomValues fills at most 64 KiB at a time. */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 65_536)
    crypto.getRandomValues(bytes.subarray(i, Math.min(length, i + 65_536)));
  return bytes;
}

/**
 * 城乡居民医保参保登记 (the demo catalogue's) for a test citizen: `form` follows the applicant's
 * name, ID number and phone.
 */
export function medicalInsuranceSubmission(
  form: Record<string, string>,
  materials: ApplicationSubmission['materials'],
): ApplicationSubmission {
  return {
    serviceCode: '000131137000',
    serviceName: '城乡居民医保参保登记',
    form: {
      applicantName: '测试',
      applicantIdNumber: '11010519491231002X',
      phone: '13800138000',
      ...form,
    },
    identity: { name: '测试' },
    idNumber: '11010519491231002X',
    materials,
    missing: [],
  };
}

/** One application of the drain benchmark: a valid demo-catalogue form and one image of `kb` KB. */
export function benchSubmission(marker: number, kb: number): ApplicationSubmission {
  return medicalInsuranceSubmission(
    {
      // The marker makes each application recognisable on the platform, to count duplicates.
      address: `示范区人民路 1 号 #${marker}`,
      householdType: 'local',
      category: 'adult',
      signature: 'material:signature',
    },
    [{ materialId: 'signature', name: 'signature', blob: new Blob([randomBytes(kb * 1024)]) }],
  );
}

/**
 * Application `i` sealed by the kiosk's own code as the PouchDB side stores it: one document,
 * the sealed attachments in the form `attachmentData` gives (a Buffer in Node, a Blob in a page).
 */
export async function sealedPouchDocument(
  i: number,
  kb: number,
  credentials: KioskCredentials,
  attachmentData: (sealed: SealedApplication['attachments'][number]['sealed']) => unknown,
): Promise<{ id: string; doc: object }> {
  const sealed = await sealSubmission(
    benchSubmission(i, kb),
    credentials,
    benchReceipt(i),
    Date.now(),
  );
  return {
    id: sealed.entry.id,
    doc: {
      _id: sealed.entry.id,
      envelope: sealed.entry.envelope,
      receiptNumber: sealed.entry.receiptNumber,
      idHash: sealed.entry.idHash,
      _attachments: Object.fromEntries(
        sealed.attachments.map((a) => [
          a.id,
          { content_type: 'application/octet-stream', data: attachmentData(a.sealed) },
        ]),
      ),
    },
  };
}

/**
 * Credentials as enrolment would leave them, for the PouchDB side, which has no platform to
 * enrol with: it seals to a key pair of its own with the same code as the kiosk.
 */
export async function benchCredentials(platformUrl: string): Promise<KioskCredentials> {
  const platformKeys = await generatePlatformKeyPair();
  const keys = await newSigningKeyPair();
  return {
    kioskId: 'K-BENCH',
    receiptPrefix: 'KB01',
    platformUrl,
    signingKey: keys.signingKey,
    publicJwk: keys.publicJwk,
    lookupKey: await importLookupKey(toBase64(crypto.getRandomValues(new Uint8Array(32)))),
    platformEncryptionKey: await exportPlatformPublicKey(platformKeys.publicKey),
    enrolledAt: Date.now(),
  };
}

/** The PouchDB side's receipt numbers: one per application, in the kiosk's format. */
export const benchReceipt = (i: number) => `KB01-20250101-${String(i + 1).padStart(4, '0')}`;

/** Samples this process's memory every 10 ms; `stop()` gives the peaks in MB. */
export function sampleMemory(): { stop(): { peakHeapMB: number; peakRssMB: number } } {
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  sample();
  const timer = setInterval(sample, 10);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return { peakHeapMB: heap / 2 ** 20, peakRssMB: rss / 2 ** 20 };
    },
  };
}
