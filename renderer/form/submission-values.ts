// The form as the platform checks it (sync/protocol/form-check.ts): numbers as numbers,
// signatures as attachments of the envelope referenced by id, empty optional fields left out.
import type { FormField } from '../catalog/catalog-model';
import { choiceValues } from './choice-values';

/** How a form value names one of the submitted images (see sync/client/application-sealer.ts). */
export const MATERIAL_REFERENCE = 'material:';

export interface SignatureAttachment {
  materialId: string;
  name: string;
  blob: Blob;
}

export function blobFromDataUrl(dataUrl: string): Blob {
  const [header = '', data = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(header)?.[1] ?? 'application/octet-stream';
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function submissionValues(
  fields: FormField[],
  values: Record<string, string>,
  newId: () => string = () => crypto.randomUUID(),
): { form: Record<string, string | number | string[]>; signatures: SignatureAttachment[] } {
  const form: Record<string, string | number | string[]> = {};
  const signatures: SignatureAttachment[] = [];
  for (const field of fields) {
    const value = (values[field.id] ?? '').trim();
    if (value === '') continue;
    switch (field.type) {
      case 'number':
        form[field.id] = Number(value);
        break;
      case 'choice':
        form[field.id] = field.multiple ? choiceValues(value) : value;
        break;
      case 'signature': {
        const id = newId();
        signatures.push({
          materialId: id,
          name: field.label['zh-CN'],
          blob: blobFromDataUrl(value),
        });
        // The sealer replaces the reference with the id of the sealed image it names.
        form[field.id] = `${MATERIAL_REFERENCE}${id}`;
        break;
      }
      default:
        form[field.id] = value;
    }
  }
  return { form, signatures };
}
