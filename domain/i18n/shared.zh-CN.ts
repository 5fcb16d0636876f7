// Words the citizen screens and the technician console both show: one key each, so the two
// cannot drift apart. Every key here must exist in shared.en.ts.
export const sharedZhCN = {
  /** The button that switches to the other language names that language in its own words. */
  'locale.other': 'English',
  'idcard.name': '姓名',
} as const;

export type SharedMessageKey = keyof typeof sharedZhCN;
