import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translator } from './messages';
import { zhCN } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has every Chinese key in English, and no extra ones', () => {
    const zhKeys = Object.keys(zhCN).sort();
    const enKeys = Object.keys(en).sort();
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });

  it('has no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      const english = en[key as keyof typeof zhCN];
      expect(text.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders', () => {
    expect(translator('zh-CN')('guide.workingDays', { days: 3 })).toBe('3 个工作日');
    expect(translator('en')('guide.workingDays', { days: 3 })).toBe('3 working days');
  });
});
