import { ZodError } from 'zod';
import { createHash, createHmac } from 'node:crypto';
import { isValidIdNumber, normaliseIdNumber } from '../../domain/id-number';
import { Envelope, EnvelopeContent, envelopeAad, envelopeHeaderOf } from '../protocol/envelope';
import type { EnvelopeHeader } from '../protocol/envelope';
import { fromBase64, fromBase64Url } from '../protocol/base64';
import type { NativeOpener } from './hpke-native-open';
import { checkForm } from '../protocol/form-check';
import { receiptNumberPrefix } from '../protocol/receipt-number';
import { SealOpenError } from '../protocol/seal';
import { problem } from '../protocol/problem';
import type { FieldError, Problem } from '../protocol/problem';
import type { Service } from '../protocol/catalog';
import { ProblemError } from './problem-error';

/**
 * Everything the platform checks about one envelope before storing it, apart from the
 * database: schema, kiosk prefix, service, opening, idHash, form and materials manifest.
 * It throws ProblemError; the caller turns that into a per-item rejection. Synchronous and
 * free of I/O, so that it runs as well on a worker thread (`envelope-check-pool.ts`) as inline.
 */

export interface EnvelopeCheckContext {
  receiptPrefix: string;
  service: (code: string) => Service | undefined;
  opener: NativeOpener;
  /** The raw fleet lookup key; hashed here with Node's synchronous HMAC, same result as idHash(). */
  lookupKey: Uint8Array;
  today: string;
}

/** What the store needs of an envelope that passed: plain data, so it crosses threads. */
export interface CheckedEnvelope {
  envelope: EnvelopeHeader;
  /** The opened content as the platform stores it (normalised by the schema). */
  contentJson: string;
  contentHash: string;
}

/** One item's verdict; `unexpected` names an error that was not a ProblemError (a bug), for the log. */
export type EnvelopeCheckOutcome =
  { ok: true; checked: CheckedEnvelope } | { ok: false; problem: Problem; unexpected?: string };

function zodErrors(error: ZodError, prefix: string): FieldError[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    message: issue.message,
  }));
}

function materialErrors(
  service: Service,
  content: EnvelopeContent,
  declared: Set<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  const catalogue = new Map(service.guide.materials.map((m) => [m.id, m]));
  const provided = new Set<string>();
  content.materials.forEach((entry, i) => {
    const material = catalogue.get(entry.materialId);
    const path = `materials.${i}`;
    if (material === undefined)
      return void errors.push({ path, message: 'not a material of this service' });
    provided.add(entry.materialId);
    if (entry.provision === 'deferred' && !material.deferrable)
      errors.push({ path, message: '容缺 is not offered for this material' });
    if (entry.provision === 'promised' && !material.promiseAllowed)
      errors.push({ path, message: '告知承诺 is not offered for this material' });
    if (entry.provision === 'attached' && entry.attachmentIds.length === 0)
      errors.push({ path, message: 'an attached material needs an attachment' });
    for (const id of entry.attachmentIds)
      if (!declared.has(id))
        errors.push({ path, message: 'the attachment is not declared in the envelope' });
  });
  for (const material of service.guide.materials) {
    // The ID card itself is read by the kiosk, not photographed: its data is the sealed identity.
    if (material.required && material.scan && !provided.has(material.id))
      errors.push({ path: 'materials', message: `missing material ${material.id}` });
  }
  return errors;
}

export function checkEnvelope(item: unknown, context: EnvelopeCheckContext): CheckedEnvelope {
  const parsed = Envelope.safeParse(item);
  if (!parsed.success)
    throw new ProblemError(
      'envelope-invalid',
      400,
      'the envelope does not match the schema',
      zodErrors(parsed.error, ''),
    );
  const envelope = parsed.data;
  if (receiptNumberPrefix(envelope.receiptNumber) !== context.receiptPrefix) {
    throw new ProblemError(
      'receipt-number-foreign',
      422,
      `receipt numbers of this kiosk start with ${context.receiptPrefix}-`,
    );
  }
  if (new Set(envelope.attachments.map((a) => a.id)).size !== envelope.attachments.length) {
    throw new ProblemError('envelope-invalid', 400, 'an attachment id is declared twice');
  }
  const service = context.service(envelope.serviceCode);
  if (service === undefined)
    throw new ProblemError(
      'unknown-service',
      422,
      `no service ${envelope.serviceCode} in the current catalogue`,
    );
  if (service.kind !== 'application' && service.form.fields.length === 0) {
    throw new ProblemError('unknown-service', 422, `${envelope.serviceCode} takes no applications`);
  }
  let content: EnvelopeContent;
  try {
    const plaintext = context.opener.open(
      fromBase64Url(envelope.enc),
      fromBase64(envelope.ciphertext),
      envelopeAad(envelopeHeaderOf(envelope)),
    );
    content = EnvelopeContent.parse(JSON.parse(new TextDecoder().decode(plaintext)));
  } catch (error) {
    if (error instanceof SealOpenError)
      throw new ProblemError(
        'envelope-unopenable',
        422,
        'the envelope does not open with the platform key: tampered or sealed to another key',
      );
    if (error instanceof ZodError)
      throw new ProblemError(
        'envelope-invalid',
        422,
        'the sealed content does not match EnvelopeContent',
        zodErrors(error, 'sealed'),
      );
    if (error instanceof SyntaxError)
      throw new ProblemError('envelope-invalid', 422, 'the sealed content is not JSON');
    throw error;
  }
  if (
    createHmac('sha256', context.lookupKey)
      .update(normaliseIdNumber(content.identity.idNumber))
      .digest('base64url') !== envelope.idHash
  ) {
    throw new ProblemError(
      'id-hash-mismatch',
      422,
      'idHash is not the keyed hash of the sealed ID number',
    );
  }
  const declared = new Set(envelope.attachments.map((a) => a.id));
  const errors = [
    ...(isValidIdNumber(normaliseIdNumber(content.identity.idNumber), new Date(context.today))
      ? []
      : [{ path: 'identity.idNumber', message: 'not a valid ID number' }]),
    ...checkForm(service.form, content.form, {
      attachmentIds: [...declared],
      today: context.today,
    }),
    ...materialErrors(service, content, declared),
  ];
  if (errors.length > 0)
    throw new ProblemError(
      'form-invalid',
      422,
      `${errors.length} problem(s) in the sealed application`,
      errors,
    );
  const contentHash = createHash('sha256')
    .update(JSON.stringify([envelope.id, envelope.enc, envelope.ciphertext, envelope.createdAt]))
    .digest('base64url');
  return {
    envelope: envelopeHeaderOf(envelope),
    contentJson: JSON.stringify(content),
    contentHash,
  };
}

export function envelopeCheckOutcome(
  item: unknown,
  context: EnvelopeCheckContext,
): EnvelopeCheckOutcome {
  try {
    return { ok: true, checked: checkEnvelope(item, context) };
  } catch (error) {
    if (error instanceof ProblemError) return { ok: false, problem: error.problem };
    return {
      ok: false,
      problem: problem('internal', 500, 'the item could not be processed'),
      unexpected: error instanceof Error ? error.name : 'unknown',
    };
  }
}
