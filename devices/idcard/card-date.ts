// Dates on the chip are YYYYMMDD in UCS-2; the end of validity may read 长期 (no expiry).

export const LONG_TERM = '长期';

/** 19491231 → 1949-12-31; 长期 stays; anything else is kept as read, never dropped. */
export function cardDateToIso(raw: string): string {
  if (raw === LONG_TERM) return raw;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : raw;
}

/** 1949-12-31 → 19491231, for building synthetic cards. */
export function isoToCardDate(iso: string): string {
  if (iso === LONG_TERM) return iso;
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3');
}
