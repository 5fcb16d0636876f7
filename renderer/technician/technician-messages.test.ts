import { describe, expect, it } from 'vitest';
import { technicianMessages, technicianTranslator } from './technician-messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('technician messages', () => {
  const zh = technicianMessages['zh-CN'];
  const en = technicianMessages.en;

  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const dictionary of [zh, en]) {
      for (const [key, text] of Object.entries(dictionary)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = technicianTranslator('zh-CN');
    expect(t('duration.minutes', { m: 3, s: 20 })).toBe('3分20秒');
    expect(t('duration.minutes', { m: 3 })).toBe('3分{s}秒');
    expect(
      technicianTranslator('en')('sync.usage', { usage: '1 MB', quota: '2 MB', percent: 50 }),
    ).toBe('1 MB / 2 MB (50%)');
  });
});
