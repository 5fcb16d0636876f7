// An identity known only by its number (typed by hand, or from an e-ID code): the birth date
// and sex come from the number itself; the name is typed in the form.
import type { Identity } from '../../devices/bridge/contract';
import { isValidIdNumber } from '../../domain/id-number';

export function identityFromNumber(idNumber: string, name = ''): Identity {
  const id = idNumber.trim().toUpperCase();
  const birth =
    id.length === 18 ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : '';
  const sequence = Number(id.slice(14, 17));
  return {
    cardType: 'resident',
    name,
    sex: Number.isNaN(sequence) ? 'unknown' : sequence % 2 === 1 ? 'male' : 'female',
    birthDate: birth,
    idNumber: id,
    idNumberValid: isValidIdNumber(id),
  };
}
