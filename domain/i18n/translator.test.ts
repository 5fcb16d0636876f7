import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { fillPlaceholders, translator } from './translator';

describe('translator', () => {
  it('fills placeholders in citizen and technician texts alike', () => {
    expect(translator('zh-CN')('guide.workingDays', { days: 3 })).toBe('3 个工作日');
    expect(translator('en')('guide.workingDays', { days: 3 })).toBe('3 working days');
    expect(translator('zh-CN')('duration.minutes', { m: 3, s: 20 })).toBe('3分20秒');
    expect(translator('en')('sync.usage', { usage: '1 MB', quota: '2 MB', percent: 50 })).toBe(
      '1 MB / 2 MB (50%)',
    );
  });

  it('leaves unknown placeholders visible', () => {
    expect(translator('zh-CN')('duration.minutes', { m: 3 })).toBe('3分{s}秒');
    expect(translator('en')('guide.workingDays')).toBe('{days} working days');
  });

  it('falls back to Chinese for a text English lacks', () => {
    const t = translator('en', { 'zh-CN': messages['zh-CN'], en: { 'nav.back': 'Back' } });
    expect(t('nav.back')).toBe('Back');
    expect(t('nav.next')).toBe('下一步');
  });

  it('changes nothing in a text without placeholders', () => {
    const plain = fc.string().filter((text) => !text.includes('{'));
    const params = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer()));
    fc.assert(fc.property(plain, params, (text, p) => fillPlaceholders(text, p) === text));
  });

  it('puts a value in as it is, even one that looks like a placeholder', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (value) => fillPlaceholders('[{a}|{b}]', { a: value, b: '{a}' }) === `[${value}|{a}]`,
      ),
    );
  });
});
