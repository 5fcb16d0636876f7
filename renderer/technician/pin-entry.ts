// The PIN being typed on the console's pad. The host accepts 4 to 12 digits (contract:
// technician.login); the pad refuses more rather than letting a long PIN fail later.

export const pinMinLength = 4;
export const pinMaxLength = 12;

export type PinKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

export function pressPinKey(pin: string, key: PinKey): string {
  if (key === 'clear') return '';
  if (key === 'back') return pin.slice(0, -1);
  return pin.length >= pinMaxLength ? pin : pin + key;
}

export function pinComplete(pin: string): boolean {
  return /^\d+$/.test(pin) && pin.length >= pinMinLength && pin.length <= pinMaxLength;
}
