// Storage figures as a technician reads them on Windows or Linux: powers of 1024, one decimal
// below 10 of a unit, no decimals above.

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  // 1023.95 KB would round to "1024 KB"; step up a unit instead.
  if (Number(value.toFixed(digits)) >= 1024 && unit < units.length - 1) {
    return `1 ${units[unit + 1]}`;
  }
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** Share of the quota in use, 0–100, or undefined when either figure is unknown. */
export function usagePercent(usage: number | null | undefined, quota: number | null | undefined) {
  if (usage == null || quota == null || !(quota > 0) || usage < 0) return undefined;
  return Math.min(100, (usage / quota) * 100);
}
