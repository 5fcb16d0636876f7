// The pinyin-pro side of the search: loaded with a dynamic import so that its dictionary is
// not part of the first screen's JavaScript.
import type { Romanise } from './service-search';

export async function loadRomanise(): Promise<Romanise> {
  const { pinyin } = await import('pinyin-pro');
  return (text) => {
    const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
    return {
      full: syllables.join('').toLowerCase(),
      initials: syllables
        .map((s) => s[0] ?? '')
        .join('')
        .toLowerCase(),
    };
  };
}
