// Pinyin input for names and addresses: typed letters → candidate characters. Nothing
// suitable ships as a browser library, so the reverse table is built here from pinyin-pro
// (character → readings, with every reading of polyphonic characters such as 长 chang/zhang),
// ranked by the common-characters list. 'v' stands for ü, as on every Chinese keyboard.

/** Every toneless reading of one character, e.g. 长 → ['chang', 'zhang']. */
export type ReadingsOf = (char: string) => string[];

export interface CandidateIndex {
  /**
   * Candidates for the start of the buffer: the longest complete syllable it begins with,
   * or, when it is only the start of one ("zh"), characters of every syllable it begins.
   */
  lookup(buffer: string, limit?: number): { syllable: string; characters: string[] };
}

const normaliseReading = (reading: string) => reading.toLowerCase().replace(/ü/g, 'v');

export function buildCandidateIndex(
  characters: Iterable<string>,
  readingsOf: ReadingsOf,
  rank: Map<string, number>,
): CandidateIndex {
  const bySyllable = new Map<string, string[]>();
  for (const char of characters) {
    for (const reading of readingsOf(char)) {
      const syllable = normaliseReading(reading);
      if (!/^[a-z]+$/.test(syllable)) continue;
      const list = bySyllable.get(syllable);
      if (list) list.push(char);
      else bySyllable.set(syllable, [char]);
    }
  }
  const order = (a: string, b: string) =>
    (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b);
  for (const list of bySyllable.values()) list.sort(order);
  const syllables = [...bySyllable.keys()];

  return {
    lookup(raw, limit = 60) {
      const buffer = raw.toLowerCase();
      for (let end = Math.min(buffer.length, 6); end > 0; end--) {
        const syllable = buffer.slice(0, end);
        const exact = bySyllable.get(syllable);
        if (exact) return { syllable, characters: exact.slice(0, limit) };
      }
      const partial = syllables.filter((s) => s.startsWith(buffer));
      if (partial.length === 0) return { syllable: '', characters: [] };
      const merged = [...new Set(partial.flatMap((s) => bySyllable.get(s) ?? []))].sort(order);
      return { syllable: buffer, characters: merged.slice(0, limit) };
    },
  };
}

/** The basic CJK block, where every character of a resident's name or address is. */
export function* basicCjk(): Generator<string> {
  for (let code = 0x4e00; code <= 0x9fa5; code++) yield String.fromCharCode(code);
}
