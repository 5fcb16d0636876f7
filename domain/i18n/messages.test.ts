import { describe, expect, it } from 'vitest';
import { isMessageKey, messageAreas, messages } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  for (const [name, texts] of Object.entries(messageAreas)) {
    const zh: Record<string, string> = texts['zh-CN'];
    const en: Record<string, string> = texts.en;

    it(`${name}: has every Chinese key in English, and no extra ones`, () => {
      const zhKeys = Object.keys(zh).sort();
      const enKeys = Object.keys(en).sort();
      expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
      expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    });

    it(`${name}: has no empty text and the same placeholders in both languages`, () => {
      for (const [key, text] of Object.entries(zh)) {
        const english = en[key] ?? '';
        expect(text.trim(), key).not.toBe('');
        expect(english.trim(), key).not.toBe('');
        expect(placeholders(english), key).toEqual(placeholders(text));
      }
    });
  }

  it('gives each key to one area only', () => {
    const owners = new Map<string, string[]>();
    for (const [name, texts] of Object.entries(messageAreas))
      for (const key of Object.keys(texts['zh-CN']))
        owners.set(key, [...(owners.get(key) ?? []), name]);
    expect([...owners].filter(([, areas]) => areas.length > 1)).toEqual([]);
  });

  it('merges every area into one key space, in both languages', () => {
    const total = Object.values(messageAreas).reduce(
      (n, texts) => n + Object.keys(texts['zh-CN']).length,
      0,
    );
    expect(Object.keys(messages['zh-CN'])).toHaveLength(total);
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
    expect(messages.en['guide.start']).toBe('Start');
    expect(messages['zh-CN']['pin.submit']).toBe('登录');
  });

  it('tells a key from any other string', () => {
    expect(isMessageKey('applicationStatus.accepted')).toBe(true);
    expect(isMessageKey('health.connected')).toBe(true);
    expect(isMessageKey('applicationStatus.lost')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});
