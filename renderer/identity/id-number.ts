// The renderer's own GB 11643 check. The ID card helper has one in devices/idcard, but the
// layer rule keeps the renderer out of devices/idcard, and the check is a dozen lines.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birthDate' | 'checksum';

/** The check character GB 11643 assigns to the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function validBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1850 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= today.getTime();
}

/**
 * What is wrong with an 18-character ID number, or undefined when it is valid. The address
 * code is deliberately not checked against a list: abolished counties' codes stay valid.
 */
export function idNumberProblem(input: string, today = new Date()): IdNumberProblem | undefined {
  const id = input.trim().toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  // The 2023 foreigner permanent residence ID starts with 9 and has no birth date there.
  if (!id.startsWith('9') && !validBirthDate(id.slice(6, 14), today)) return 'birthDate';
  if (checkCharacter(id) !== id[17]) return 'checksum';
  return undefined;
}

export function isValidIdNumber(input: string, today = new Date()): boolean {
  return idNumberProblem(input, today) === undefined;
}
