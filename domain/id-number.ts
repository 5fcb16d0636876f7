// The check of a citizen identity number (GB 11643-1999): 17 digits, then a check character.
// The one check of the whole app: the card reader, the renderer (numbers typed by hand), the
// sync protocol and the platform all import it, so it stays browser-safe and dependency-free.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** What is wrong with a number; the renderer's messages are keyed by these names. */
export type IdNumberProblem = 'length' | 'characters' | 'birthDate' | 'checksum';

export type IdNumberCheck = { valid: true } | { valid: false; problem: IdNumberProblem };

/**
 * Spaces dropped and a lowercase x raised, so that the keyed hash (sync/protocol/id-hash) is
 * the same at every kiosk. Any change here changes every hash already stored: leave it be.
 */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 digits; undefined if they are not 17 digits. */
export function idNumberCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * What is wrong with an 18-character ID number (surrounding spaces and a lowercase x are
 * forgiven), or undefined when it is valid. The address code is not checked against today's
 * list on purpose: codes of abolished counties stay valid on cards already issued.
 */
export function idNumberProblem(input: string, today = new Date()): IdNumberProblem | undefined {
  const id = input.trim().toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  // The 2023 foreigner permanent residence ID starts with 9 and has no birth date there.
  if (!id.startsWith('9') && !isPastBirthDate(id.slice(6, 14), today)) return 'birthDate';
  if (idNumberCheckCharacter(id.slice(0, 17)) !== id[17]) return 'checksum';
  return undefined;
}

export function checkIdNumber(input: string, today = new Date()): IdNumberCheck {
  const problem = idNumberProblem(input, today);
  return problem === undefined ? { valid: true } : { valid: false, problem };
}

export function isValidIdNumber(input: string, today = new Date()): boolean {
  return idNumberProblem(input, today) === undefined;
}

/** A real calendar date, not before 1850 (nobody alive) and not after today (UTC). */
function isPastBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1850 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= today.getTime();
}
