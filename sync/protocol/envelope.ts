import { z } from 'zod';
import { BASE64, BASE64URL } from './base64';
import { utf8 } from './bytes';
import { FormValues } from './form-schema';
import { ID_HASH_PATTERN } from './id-hash';
import { Locale } from '../../domain/locale';
import { ReceiptNumber } from './receipt-number';
import { openEnvelope, sealEnvelope } from './seal';
import { ServiceCode } from './service-code';

/**
 * A sealed application. In clear travel only what routing, idempotency and offline lookup
 * need; the form, the identity and the materials manifest are HPKE-sealed to the platform.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_ENVELOPE = 20;
/** base64 characters of ciphertext: about 192 KiB of sealed JSON. */
export const MAX_CIPHERTEXT_CHARS = 256 * 1024;

export const AttachmentRef = z.object({
  id: z.uuid(),
  /** Bytes of the sealed blob (`enc || ciphertext`) that tus uploads. */
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  /** base64url SHA-256 of the sealed blob. */
  sha256: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const EnvelopeHeader = z.object({
  /** UUID chosen by the kiosk: the idempotency key. */
  id: z.uuid(),
  serviceCode: ServiceCode,
  createdAt: z.iso.datetime({ offset: true }),
  receiptNumber: ReceiptNumber,
  idHash: z.string().regex(ID_HASH_PATTERN),
  attachments: z.array(AttachmentRef).max(MAX_ATTACHMENTS_PER_ENVELOPE),
});
export type EnvelopeHeader = z.infer<typeof EnvelopeHeader>;

export const Envelope = EnvelopeHeader.extend({
  enc: z.string().regex(BASE64URL).length(87),
  ciphertext: z.string().min(24).max(MAX_CIPHERTEXT_CHARS).regex(BASE64),
});
export type Envelope = z.infer<typeof Envelope>;

export const SealedIdentity = z.object({
  name: z.string().min(1).max(100),
  idNumber: z.string().min(1).max(40),
  sex: z.enum(['male', 'female']).optional(),
  ethnicity: z.string().max(40).optional(),
  birthDate: z.string().max(10).optional(),
  address: z.string().max(200).optional(),
  phone: z.string().max(20).optional(),
});
export type SealedIdentity = z.infer<typeof SealedIdentity>;

/** How each catalogue material is provided: photographed, 容缺 (later), 告知承诺 (promise) or 电子证照. */
export const MaterialProvision = z.enum(['attached', 'deferred', 'promised', 'electronic']);
export type MaterialProvision = z.infer<typeof MaterialProvision>;

export const MaterialEntry = z.object({
  materialId: z.string().max(40),
  provision: MaterialProvision,
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS_PER_ENVELOPE),
  /** For `deferred`: the date by which the applicant promised to supply it. */
  deadline: z.string().max(10).optional(),
});
export type MaterialEntry = z.infer<typeof MaterialEntry>;

export const EnvelopeContent = z.object({
  form: FormValues,
  identity: SealedIdentity,
  materials: z.array(MaterialEntry).max(50),
  locale: Locale,
});
export type EnvelopeContent = z.infer<typeof EnvelopeContent>;

/** The associated data binding the clear header to the ciphertext, in a fixed field order. */
export function envelopeAad(header: EnvelopeHeader): Uint8Array {
  return utf8(
    JSON.stringify([
      'budayang/v1',
      header.id,
      header.serviceCode,
      header.createdAt,
      header.receiptNumber,
      header.idHash,
      header.attachments.map((a) => [a.id, a.size, a.sha256]),
    ]),
  );
}

export function envelopeHeaderOf(envelope: Envelope): EnvelopeHeader {
  const { id, serviceCode, createdAt, receiptNumber, idHash, attachments } = envelope;
  return { id, serviceCode, createdAt, receiptNumber, idHash, attachments };
}

/** The kiosk's side: seal content under a header. */
export async function sealApplication(
  platformPublicKey: CryptoKey,
  header: EnvelopeHeader,
  content: EnvelopeContent,
): Promise<Envelope> {
  const sealed = await sealEnvelope(
    platformPublicKey,
    utf8(JSON.stringify(content)),
    envelopeAad(header),
  );
  return { ...header, ...sealed };
}

/** The platform's side; throws SealOpenError, or a ZodError when the sealed JSON is not EnvelopeContent. */
export async function openApplication(
  platformPrivateKey: CryptoKey,
  envelope: Envelope,
): Promise<EnvelopeContent> {
  const plaintext = await openEnvelope(
    platformPrivateKey,
    envelope,
    envelopeAad(envelopeHeaderOf(envelope)),
  );
  return EnvelopeContent.parse(JSON.parse(new TextDecoder().decode(plaintext)));
}
