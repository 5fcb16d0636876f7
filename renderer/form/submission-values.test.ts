import { describe, expect, it } from 'vitest';
import type { FormField } from '../catalog/catalog-model';
import { blobFromDataUrl, submissionValues } from './submission-values';

const field = (id: string, type: FormField['type']): FormField => ({
  id,
  type,
  label: { 'zh-CN': id },
  required: false,
});

describe('submission values', () => {
  it('types numbers, turns signatures into attachments and drops empty fields', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const { form, signatures } = submissionValues(
      [
        field('capital', 'number'),
        field('sign', 'signature'),
        field('note', 'text'),
        field('name', 'text'),
      ],
      { capital: '12.5', sign: png, note: '  ', name: '张小三' },
      () => '00000000-0000-4000-8000-000000000001',
    );
    expect(form).toEqual({
      capital: 12.5,
      sign: 'material:00000000-0000-4000-8000-000000000001',
      name: '张小三',
    });
    expect(signatures).toHaveLength(1);
    expect(signatures[0]!.blob.type).toBe('image/png');
    expect(signatures[0]!.blob.size).toBe(8);
  });

  it('decodes a data URL', () => {
    expect(blobFromDataUrl('data:text/plain;base64,aGk=').size).toBe(2);
  });
});
