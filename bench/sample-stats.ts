// Order statistics for benchmark samples: nearest-rank, so every figure printed is a sample
// that was actually measured.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Rounded to one decimal, as the printed JSON lines carry it. */
export const round1 = (x: number) => Math.round(x * 10) / 10;
