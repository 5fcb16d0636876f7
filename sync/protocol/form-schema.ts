import { z } from 'zod';
import { LocalizedText } from '../../domain/localized-text';

/** The identity fields a form can take from the ID card so the citizen need not type them. */
export const IdentityField = z.enum([
  'name',
  'idNumber',
  'sex',
  'ethnicity',
  'birthDate',
  'address',
]);
export type IdentityField = z.infer<typeof IdentityField>;

const FieldKey = z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'field keys are camelCase ASCII');

const FieldBase = {
  key: FieldKey,
  label: LocalizedText,
  help: LocalizedText.optional(),
  required: z.boolean(),
  prefill: IdentityField.optional(),
};

export const ChoiceOption = z.object({ value: z.string().min(1).max(40), label: LocalizedText });

export const FormField = z.discriminatedUnion('type', [
  z.object({
    ...FieldBase,
    type: z.literal('text'),
    maxLength: z.number().int().min(1).max(2000),
    multiline: z.boolean().optional(),
  }),
  z.object({
    ...FieldBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
  z.object({ ...FieldBase, type: z.literal('date'), notAfterToday: z.boolean().optional() }),
  z.object({
    ...FieldBase,
    type: z.literal('choice'),
    options: z.array(ChoiceOption).min(1).max(50),
    multiple: z.boolean().optional(),
  }),
  z.object({ ...FieldBase, type: z.literal('address') }),
  z.object({ ...FieldBase, type: z.literal('phone') }),
  z.object({ ...FieldBase, type: z.literal('idNumber') }),
  /** The value is the id of an attachment of the same envelope holding the signature image. */
  z.object({ ...FieldBase, type: z.literal('signature') }),
]);
export type FormField = z.infer<typeof FormField>;
export type FormFieldType = FormField['type'];

export const FormSchema = z.object({
  fields: z.array(FormField).max(80),
});
export type FormSchema = z.infer<typeof FormSchema>;

/** What a filled form looks like on the wire; each field type's check lives in form-check.ts. */
export const FormValue = z.union([
  z.string().max(2000),
  z.number(),
  z.array(z.string().max(40)).max(50),
  z.null(),
]);
export type FormValue = z.infer<typeof FormValue>;
export const FormValues = z.record(FieldKey, FormValue);
export type FormValues = z.infer<typeof FormValues>;
