import type { FieldError } from './problem';
import type { FormField, FormSchema, FormValue, FormValues } from './form-schema';
import { isValidIdNumber, normaliseIdNumber } from '../../domain/id-number';

/**
 * Checks filled values against a service's form schema. The kiosk runs it before sealing,
 * the platform again after opening: the same rules at both ends.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FormCheckContext {
  /** The attachment ids the envelope carries; a signature must be one of them. */
  attachmentIds: readonly string[];
  /** Today as YYYY-MM-DD, injected so the check stays pure. */
  today: string;
}

function isEmpty(value: FormValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function fieldError(
  field: FormField,
  value: FormValue,
  context: FormCheckContext,
): string | undefined {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return 'expected text';
      if (value.length > field.maxLength) return `at most ${field.maxLength} characters`;
      if (!field.multiline && /[\r\n]/.test(value)) return 'a single line expected';
      return undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (field.integer && !Number.isInteger(value)) return 'expected a whole number';
      if (field.min !== undefined && value < field.min) return `at least ${field.min}`;
      if (field.max !== undefined && value > field.max) return `at most ${field.max}`;
      return undefined;
    case 'date':
      if (typeof value !== 'string' || !validDate(value)) return 'expected a date YYYY-MM-DD';
      if (field.notAfterToday && value > context.today) return 'the date is in the future';
      return undefined;
    case 'choice': {
      const allowed = new Set(field.options.map((o) => o.value));
      if (field.multiple) {
        if (!Array.isArray(value)) return 'expected a list of choices';
        if (new Set(value).size !== value.length) return 'a choice is repeated';
        return value.every((v) => allowed.has(v)) ? undefined : 'not one of the choices';
      }
      return typeof value === 'string' && allowed.has(value) ? undefined : 'not one of the choices';
    }
    case 'address':
      if (typeof value !== 'string' || value.trim().length < 2) return 'expected an address';
      return value.length > 200 ? 'at most 200 characters' : undefined;
    case 'phone':
      return typeof value === 'string' && (MOBILE.test(value) || LANDLINE.test(value))
        ? undefined
        : 'expected a telephone number';
    case 'idNumber':
      // Checked as hashed (spaces dropped), and against the injected day, not the clock.
      return typeof value === 'string' &&
        isValidIdNumber(normaliseIdNumber(value), new Date(context.today))
        ? undefined
        : 'expected a valid ID number';
    case 'signature':
      if (typeof value !== 'string' || !UUID.test(value))
        return 'expected the id of the signature attachment';
      return context.attachmentIds.includes(value)
        ? undefined
        : 'the signature attachment is not in the envelope';
  }
}

export function checkForm(
  schema: FormSchema,
  values: FormValues,
  context: FormCheckContext,
): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(schema.fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) errors.push({ path: `form.${key}`, message: 'unknown field' });
  }
  for (const field of schema.fields) {
    const value = values[field.key];
    if (isEmpty(value)) {
      if (field.required) errors.push({ path: `form.${field.key}`, message: 'required' });
      continue;
    }
    const message = fieldError(field, value as FormValue, context);
    if (message !== undefined) errors.push({ path: `form.${field.key}`, message });
  }
  return errors;
}
