import { v7 as uuidv7 } from 'uuid';
import type { Locale } from '../../domain/locale';
import { toBase64Url } from '../protocol/base64';
import { sha256 } from '../protocol/bytes';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_ENVELOPE,
  sealApplication,
  type EnvelopeContent,
  type EnvelopeHeader,
  type MaterialEntry,
  type SealedIdentity,
} from '../protocol/envelope';
import { checkForm } from '../protocol/form-check';
import { FormValues, type FormSchema } from '../protocol/form-schema';
import { idHash } from '../protocol/id-hash';
import {
  attachmentAad,
  HPKE_ENC_BYTES,
  importPlatformPublicKey,
  sealAttachment,
} from '../protocol/seal';
import type { KioskCredentials } from './kiosk-credentials';
import type { OutboxAttachment, OutboxEntry } from './outbox-entry';
import { SubmissionError } from './submission-error';

/** A form value naming an image of `materials` (e.g. the signature pad's) before it has an id. */
export const MATERIAL_REF = 'material:';

/** What the citizen's session hands over on submit; it is wiped after. */
export interface ApplicationSubmission {
  serviceCode: string;
  serviceName: string;
  /**
   * Field values; a value `material:<materialId>` becomes the id of that material's first
   * image (fields such as the signature hold an attachment id), and that material then stays
   * out of the materials manifest.
   */
  form: Record<string, unknown>;
  idNumber: string;
  /** From the ID card; `name` falls back to `form.name`. */
  identity?: Partial<Omit<SealedIdentity, 'idNumber'>>;
  materials: Array<{ materialId: string; name: string; blob: Blob }>;
  /** 容缺: materials promised for later, with the deadline the applicant signed. */
  missing: Array<{ materialId: string; name: string; deadline: string }>;
  /**
   * 告知承诺: materials the applicant's signed commitment stands in for. The platform counts a
   * required material as provided only when the manifest says so.
   */
  promised?: Array<{ materialId: string; name: string }>;
  locale?: Locale;
}

export interface SealedApplication {
  entry: OutboxEntry;
  attachments: OutboxAttachment[];
}

/** The clear size of a submission, for the storage check before anything is sealed. */
export function submissionBytes(submission: ApplicationSubmission): number {
  return (
    submission.materials.reduce((n, m) => n + m.blob.size + HPKE_ENC_BYTES + 16, 0) +
    JSON.stringify(submission.form).length +
    4096
  );
}

/**
 * Seals an application to the platform's key: each image on its own (bound to its envelope
 * and id), then the form and identity under a header that declares the images by size and
 * digest. The result holds no clear personal data.
 */
export async function sealSubmission(
  submission: ApplicationSubmission,
  credentials: KioskCredentials,
  receiptNumber: string,
  now: number,
  formSchema?: FormSchema,
): Promise<SealedApplication> {
  const formName = submission.form['name'];
  const name = submission.identity?.name ?? (typeof formName === 'string' ? formName : undefined);
  if (!name || !submission.idNumber) throw new SubmissionError('IDENTITY_MISSING');
  if (submission.materials.length > MAX_ATTACHMENTS_PER_ENVELOPE)
    throw new SubmissionError('TOO_MANY_MATERIALS');

  const platformKey = await importPlatformPublicKey(credentials.platformEncryptionKey);
  // Time-ordered UUIDs (v7): the outbox and attachment stores are keyed by them, so a kiosk
  // writes each new application at the end of its key space and the drain, oldest first,
  // deletes from the front; with random keys every write and every delete lands somewhere
  // else in IndexedDB's LevelDB, whose compactions then rewrite the sealed images again and
  // again. The platform's indexes gain the same locality.
  const id = uuidv7();
  const attachments: OutboxAttachment[] = [];
  for (const material of submission.materials) {
    const attachmentId = uuidv7();
    const clear = new Uint8Array(await material.blob.arrayBuffer());
    const sealed = await sealAttachment(platformKey, clear, attachmentAad(id, attachmentId));
    clear.fill(0);
    if (sealed.byteLength > MAX_ATTACHMENT_BYTES) throw new SubmissionError('MATERIAL_TOO_LARGE');
    attachments.push({
      id: attachmentId,
      envelopeId: id,
      materialId: material.materialId,
      sealed,
      bytes: sealed.byteLength,
      sha256: toBase64Url(await sha256(sealed)),
      uploaded: false,
    });
  }

  const referenced = new Set<string>();
  const resolved = Object.fromEntries(
    Object.entries(submission.form).map(([key, value]) => {
      if (typeof value !== 'string' || !value.startsWith(MATERIAL_REF)) return [key, value];
      const materialId = value.slice(MATERIAL_REF.length);
      referenced.add(materialId);
      return [key, attachments.find((a) => a.materialId === materialId)?.id ?? null];
    }),
  );
  const form = FormValues.safeParse(resolved);
  if (!form.success)
    throw new SubmissionError(
      'FORM_INVALID',
      form.error.issues.map((i) => i.path.join('.')).join(', '),
    );
  // The platform checks the form against the service's schema after opening the envelope and
  // refuses what fails: check it here first, so that the citizen is never told an application
  // was saved that the platform will refuse.
  if (formSchema) {
    const errors = checkForm(formSchema, form.data, {
      attachmentIds: attachments.map((a) => a.id),
      today: new Date(now).toISOString().slice(0, 10),
    });
    if (errors.length > 0)
      throw new SubmissionError(
        'FORM_INVALID',
        errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      );
  }

  const header: EnvelopeHeader = {
    id,
    serviceCode: submission.serviceCode,
    createdAt: new Date(now).toISOString(),
    receiptNumber,
    idHash: await idHash(credentials.lookupKey, submission.idNumber),
    attachments: attachments.map((a) => ({ id: a.id, size: a.bytes, sha256: a.sha256 })),
  };
  const content: EnvelopeContent = {
    form: form.data,
    identity: { ...submission.identity, name, idNumber: submission.idNumber },
    materials: materialEntries(
      submission,
      attachments.filter((a) => !referenced.has(a.materialId)),
    ),
    locale: submission.locale ?? 'zh-CN',
  };
  const envelope = await sealApplication(platformKey, header, content);
  const entry: OutboxEntry = {
    id,
    serviceCode: header.serviceCode,
    receiptNumber,
    idHash: header.idHash,
    createdAt: now,
    state: 'queued',
    attempts: 0,
    interruptions: 0,
    isolate: false,
    nextAttemptAt: now,
    envelope,
    attachmentIds: attachments.map((a) => a.id),
    bytes: JSON.stringify(envelope).length + attachments.reduce((n, a) => n + a.bytes, 0),
  };
  return { entry, attachments };
}

function materialEntries(
  submission: ApplicationSubmission,
  attachments: OutboxAttachment[],
): MaterialEntry[] {
  const byMaterial = new Map<string, string[]>();
  for (const attachment of attachments) {
    byMaterial.set(attachment.materialId, [
      ...(byMaterial.get(attachment.materialId) ?? []),
      attachment.id,
    ]);
  }
  const attached: MaterialEntry[] = [...byMaterial].map(([materialId, attachmentIds]) => ({
    materialId,
    provision: 'attached',
    attachmentIds,
  }));
  const deferred: MaterialEntry[] = submission.missing.map((m) => ({
    materialId: m.materialId,
    provision: 'deferred',
    attachmentIds: [],
    deadline: m.deadline,
  }));
  const promised: MaterialEntry[] = (submission.promised ?? []).map((m) => ({
    materialId: m.materialId,
    provision: 'promised',
    attachmentIds: [],
  }));
  return [...attached, ...deferred, ...promised];
}
