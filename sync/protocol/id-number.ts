/** GB 11643 resident ID numbers (and the 18-character permits that share the layout). */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Spaces dropped and a lowercase x raised, so that the keyed hash is the same at every kiosk. */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.replace(/\s+/g, '').toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Checks shape, birth date and check character; deliberately not the address code (abolished counties stay valid). */
export function isValidIdNumber(idNumber: string): boolean {
  const id = normaliseIdNumber(idNumber);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!id.startsWith('9')) {
    const year = Number(id.slice(6, 10));
    const month = Number(id.slice(10, 12));
    const day = Number(id.slice(12, 14));
    const date = new Date(Date.UTC(year, month - 1, day));
    if (year < 1850 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  }
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}
