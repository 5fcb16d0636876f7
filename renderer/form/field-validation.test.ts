import { describe, expect, it } from 'vitest';
import type { FormField } from '../catalog/catalog-model';
import { translator } from '../../domain/i18n/translator';
import { validateField, validateForm } from './field-validation';

const t = translator('zh-CN');
const field = (f: Partial<FormField>): FormField => ({
  id: 'x',
  type: 'text',
  label: { 'zh-CN': '联系电话', en: 'Phone' },
  required: true,
  ...f,
});

describe('field validation', () => {
  it('asks for required values in plain Chinese', () => {
    expect(validateField(field({}), '  ', t, 'zh-CN')).toBe('请填写联系电话');
    expect(validateField(field({ required: false }), '', t, 'zh-CN')).toBeUndefined();
  });

  it('checks phones', () => {
    const phone = field({ type: 'phone' });
    expect(validateField(phone, '13812348000', t, 'zh-CN')).toBeUndefined();
    expect(validateField(phone, '010-12345678', t, 'zh-CN')).toBeUndefined();
    expect(validateField(phone, '1381234', t, 'zh-CN')).toMatch(/手机号码/);
  });

  it('checks ID numbers by GB 11643', () => {
    const id = field({ type: 'idNumber' });
    expect(validateField(id, '11010519491231002X', t, 'zh-CN')).toBeUndefined();
    expect(validateField(id, '110105194912310021', t, 'zh-CN')).toMatch(/校验未通过/);
  });

  it('checks numbers, dates, choices and lengths', () => {
    expect(validateField(field({ type: 'number', min: 1, max: 10 }), '11', t, 'zh-CN')).toBe(
      '不能大于 10',
    );
    expect(validateField(field({ type: 'number' }), 'abc', t, 'zh-CN')).toBe('请输入数字');
    expect(validateField(field({ type: 'date' }), '2024-02-30', t, 'zh-CN')).toMatch(/日期/);
    expect(validateField(field({ type: 'date' }), '2024-02-29', t, 'zh-CN')).toBeUndefined();
    expect(
      validateField(
        field({ type: 'choice', options: [{ value: 'a', label: { 'zh-CN': '甲' } }] }),
        'b',
        t,
        'zh-CN',
      ),
    ).toMatch(/请选择/);
    expect(validateField(field({ maxLength: 2 }), '张小三', t, 'zh-CN')).toBe('最多 2 个字');
  });

  it('collects the errors of a whole form', () => {
    const errors = validateForm(
      [field({ id: 'a' }), field({ id: 'b', required: false })],
      {},
      t,
      'zh-CN',
    );
    expect(Object.keys(errors)).toEqual(['a']);
  });
});
