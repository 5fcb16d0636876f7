// Masked forms of a citizen's personal data, as docs/domain.md prescribes for screens, paper, CLI
// output, the operator view and anything a technician may see: 张*三, 张*, 110105********002X,
// 138****8000. The one masking of the whole app (renderer, printer, CLI and platform import
// it), so it stays browser-safe and dependency-free. Short values are hidden whole: what is
// too short to keep a region and a tail would show too much of itself.

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜; Latin names keep the first and last letter. */
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
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}

/** 13812348000 → 138****8000. */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length <= 7) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

/** Addresses keep the district and hide the street and house number. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length <= 6) return address;
  return `${chars.slice(0, 6).join('')}${'*'.repeat(Math.min(8, chars.length - 6))}`;
}
