// Catalogue search by Chinese, full pinyin and pinyin initials ("社保", "shebao", "sb").
// The romanisation is injected so that pinyin-pro (a large dictionary) loads lazily, after
// the first screen is up, and so that the ranking is tested on its own.
import type { Service } from './catalog-model';

export interface Romanised {
  /** Full pinyin without tones or spaces: "shebaocanbao". */
  full: string;
  /** Initials: "sbcb". */
  initials: string;
}

export type Romanise = (text: string) => Romanised;

interface Entry {
  service: Service;
  texts: string[];
  romanised: Romanised[];
}

export interface SearchIndex {
  search(query: string): Service[];
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s'’·]/g, '');

/** Higher is better; 0 is no match. */
function score(entry: Entry, query: string): number {
  const [name = ''] = entry.texts;
  if (name === query) return 100;
  if (name.startsWith(query)) return 90;
  if (name.includes(query)) return 80;
  if (entry.texts.some((t) => t.includes(query))) return 70;
  if (!/^[a-z]+$/.test(query)) return 0;
  const [nameRoman] = entry.romanised;
  if (nameRoman?.full.startsWith(query)) return 65;
  if (nameRoman?.initials.startsWith(query)) return 60;
  if (entry.romanised.some((r) => r.full.includes(query))) return 50;
  if (entry.romanised.some((r) => r.initials.includes(query))) return 40;
  return 0;
}

export function buildSearchIndex(services: Service[], romanise: Romanise): SearchIndex {
  const entries: Entry[] = services.map((service) => {
    const texts = [service.name['zh-CN'], ...service.keywords].map(normalise);
    const english = service.name.en ? [normalise(service.name.en)] : [];
    return { service, texts: [...texts, ...english], romanised: texts.map((t) => romanise(t)) };
  });
  return {
    search(raw) {
      const query = normalise(raw);
      if (!query) return [];
      return entries
        .map((entry) => ({ entry, score: score(entry, query) }))
        .filter((hit) => hit.score > 0)
        .sort(
          (a, b) => b.score - a.score || b.entry.service.popularity - a.entry.service.popularity,
        )
        .map((hit) => hit.entry.service);
    },
  };
}

/** The most used first: the default order of every list in the catalogue. */
export function byPopularity(services: Service[]): Service[] {
  return [...services].sort((a, b) => b.popularity - a.popularity);
}
