// Builds the full candidate table once per kiosk run, in slices that yield to the screen so
// that typing never stutters while it is built (too much work for one task on a slow kiosk).
import { frequencyRank } from './common-characters';
import { basicCjk, buildCandidateIndex, type CandidateIndex } from './pinyin-candidates';

let loading: Promise<CandidateIndex> | undefined;

const nextSlice = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function build(): Promise<CandidateIndex> {
  const { pinyin } = await import('pinyin-pro');
  const readings = new Map<string, string[]>();
  let count = 0;
  for (const char of basicCjk()) {
    readings.set(char, pinyin(char, { multiple: true, type: 'array', toneType: 'none' }));
    if (++count % 1500 === 0) await nextSlice();
  }
  return buildCandidateIndex(readings.keys(), (char) => readings.get(char) ?? [], frequencyRank());
}

export function loadCandidateIndex(): Promise<CandidateIndex> {
  loading ??= build();
  return loading;
}
