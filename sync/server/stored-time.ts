/** A time the database holds as epoch milliseconds, as the protocol writes it (ISO 8601, UTC). */
export function isoTime(storedMs: number): string {
  return new Date(Number(storedMs)).toISOString();
}
