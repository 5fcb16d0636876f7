import { beforeAll, describe, expect, it } from 'vitest';
import { demoServices } from '../dev/demo-catalog';
import { loadRomanise } from './pinyin-romanise';
import { buildSearchIndex, byPopularity, type SearchIndex } from './service-search';

let index: SearchIndex;
beforeAll(async () => {
  index = buildSearchIndex(demoServices, await loadRomanise());
});

const names = (query: string) => index.search(query).map((s) => s.name['zh-CN']);

describe('service search', () => {
  it('finds by Chinese', () => {
    expect(names('公积金')[0]).toBe('住房公积金提取');
  });

  it('finds by full pinyin and by initials', () => {
    expect(names('gongjijin')[0]).toBe('住房公积金提取');
    expect(names('jzz')[0]).toBe('居住证申领');
    expect(names('shebao')).toContain('社保参保证明打印');
  });

  it('ranks a name match above a keyword match, then by popularity', () => {
    const results = names('社保');
    expect(results.slice(0, 2)).toEqual(['社保参保证明打印', '社保卡补换']);
  });

  it('finds by English name', () => {
    expect(names('housing')[0]).toBe('住房公积金提取');
  });

  it('returns nothing for an empty query', () => {
    expect(index.search('  ')).toEqual([]);
  });

  it('orders the catalogue most used first', () => {
    const ordered = byPopularity(demoServices);
    for (let i = 1; i < ordered.length; i++)
      expect(ordered[i - 1]!.popularity).toBeGreaterThanOrEqual(ordered[i]!.popularity);
  });
});
