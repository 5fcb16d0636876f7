// Masking as DOMAIN.md prescribes for screens and paper: 张*三, 张*, 110105********002X,
// 138****8000. Everything shown or printed about a citizen goes through here.

export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  // Latin names ("ZHANG SAN") keep the first and last letter of the whole string.
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskIdNumber(id: string): string {
  const value = id.trim();
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Addresses keep the district and hide the street and house number. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length <= 6) return address;
  return `${chars.slice(0, 6).join('')}${'*'.repeat(Math.min(8, chars.length - 6))}`;
}
