// Masked forms of a citizen's name and ID number, for screens, receipts, CLI output and
// anything a technician may see. Browser-safe (no Node imports).

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 11010519491231002X → 110105********002X: the region and the last four stay. */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber.trim());
  if (chars.length <= 4) return '*'.repeat(chars.length);
  if (chars.length <= 10) return '*'.repeat(chars.length - 4) + chars.slice(-4).join('');
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}

/** 13812348000 → 138****8000. */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length <= 7)
    return '*'.repeat(Math.max(0, chars.length - 4)) + chars.slice(-4).join('');
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}
