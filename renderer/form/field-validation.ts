// Inline validation of one form field: returns the message to show, already in the
// citizen's language, or undefined when the value is acceptable.
import type { Locale } from '../../domain/locale';
import { localText, type FormField } from '../catalog/catalog-model';
import { idNumberProblem } from '../../domain/id-number';
import type { Translate } from '../../domain/i18n/translator';
import { choiceValues } from './choice-values';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function validateField(
  field: FormField,
  raw: string | undefined,
  t: Translate,
  locale: Locale,
): string | undefined {
  const value = (raw ?? '').trim();
  const label = localText(field.label, locale);
  if (value === '') {
    if (!field.required) return undefined;
    if (field.type === 'signature') return t('validation.signature');
    return field.type === 'choice'
      ? t('validation.choose', { label })
      : t('validation.required', { label });
  }
  switch (field.type) {
    case 'number': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return t('validation.number');
      const n = Number(value);
      if (field.min !== undefined && n < field.min) return t('validation.min', { min: field.min });
      if (field.max !== undefined && n > field.max) return t('validation.max', { max: field.max });
      return undefined;
    }
    case 'date':
      return isIsoDate(value) ? undefined : t('validation.date');
    case 'phone':
      return MOBILE.test(value) || LANDLINE.test(value) ? undefined : t('validation.phone');
    case 'idNumber': {
      const problem = idNumberProblem(value);
      return problem ? t(`validation.idNumber.${problem}`) : undefined;
    }
    case 'choice': {
      const chosen = field.multiple ? choiceValues(value) : [value];
      return chosen.every((v) => field.options?.some((o) => o.value === v))
        ? undefined
        : t('validation.choose', { label });
    }
    case 'text':
    case 'address':
      if (field.maxLength !== undefined && Array.from(value).length > field.maxLength) {
        return t('validation.maxLength', { max: field.maxLength });
      }
      return undefined;
    case 'signature':
      return undefined;
  }
}

/** Every field's message, keyed by field id; empty when the form can go on. */
export function validateForm(
  fields: FormField[],
  values: Record<string, string>,
  t: Translate,
  locale: Locale,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const message = validateField(field, values[field.id], t, locale);
    if (message) errors[field.id] = message;
  }
  return errors;
}
