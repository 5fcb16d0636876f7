// The check of a citizen identity number (GB 11643-1999): 17 digits, then a check character.
// Browser-safe (no Node imports): the renderer checks numbers typed by hand with it too.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export type IdNumberProblem = 'format' | 'birth-date' | 'check-character';

export type IdNumberCheck = { valid: true } | { valid: false; problem: IdNumberProblem };

/** The check character for the first 17 digits; undefined if they are not 17 digits. */
export function idNumberCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Checks format, birth date and check character. The address code is not checked against
 * today's list on purpose: codes of abolished counties stay valid on cards already issued.
 */
export function checkIdNumber(idNumber: string): IdNumberCheck {
  const id = idNumber.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, problem: 'format' };
  if (!isRealDate(id.slice(6, 14))) return { valid: false, problem: 'birth-date' };
  if (idNumberCheckCharacter(id.slice(0, 17)) !== id[17]) {
    return { valid: false, problem: 'check-character' };
  }
  return { valid: true };
}

export function isValidIdNumber(idNumber: string): boolean {
  return checkIdNumber(idNumber).valid;
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
