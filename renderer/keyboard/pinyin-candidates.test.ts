import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { buildCandidateIndex } from './pinyin-candidates';
import { COMMON_CHARACTERS, frequencyRank } from './common-characters';

const readingsOf = (char: string) =>
  pinyin(char, { multiple: true, type: 'array', toneType: 'none' });
const index = buildCandidateIndex(
  Array.from(COMMON_CHARACTERS + '仉嫜绿'),
  readingsOf,
  frequencyRank(),
);

describe('pinyin candidates', () => {
  it('offers the common surname first', () => {
    const { syllable, characters } = index.lookup('zhang');
    expect(syllable).toBe('zhang');
    expect(characters[0]).toBe('张');
    expect(characters).toContain('长');
  });

  it('takes the longest syllable at the start of the buffer', () => {
    expect(index.lookup('zhangsan').syllable).toBe('zhang');
    expect(index.lookup('xian').syllable).toBe('xian');
  });

  it('offers characters for an unfinished syllable', () => {
    const { characters } = index.lookup('zh');
    expect(characters.slice(0, 3)).toContain('张');
  });

  it('types ü as v', () => {
    expect(index.lookup('lv').characters).toContain('吕');
  });

  it('finds nothing for letters no syllable starts with', () => {
    expect(index.lookup('v').characters).toEqual([]);
  });
});
