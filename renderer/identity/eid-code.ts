// What a scanned e-ID (电子身份证) or identity QR code yields. Real CTID codes are verified
// online by the platform; this kiosk accepts the demo form — JSON with idNumber and name,
// or a bare 18-character number — and leaves verification to the platform.
import type { Identity } from '../../devices/bridge/contract';
import { identityFromNumber } from './identity-from-number';
import { isValidIdNumber } from '../../domain/id-number';

export function identityFromScan(text: string): Identity | undefined {
  const trimmed = text.trim();
  if (/^\d{17}[\dXx]$/.test(trimmed))
    return isValidIdNumber(trimmed) ? identityFromNumber(trimmed) : undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { idNumber, name } = parsed as { idNumber?: unknown; name?: unknown };
    if (typeof idNumber !== 'string' || !isValidIdNumber(idNumber)) return undefined;
    return identityFromNumber(idNumber, typeof name === 'string' ? name.slice(0, 50) : '');
  } catch {
    return undefined;
  }
}
