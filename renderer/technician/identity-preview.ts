// The test read of an ID card shows the technician that the reader, the SAM and the chip
// work, not who the card belongs to: the Identity is reduced to this at once and never
// enters React state in clear.
import type { CardType, Identity } from '../../devices/bridge/contract';
import { maskIdNumber, maskName } from '../../domain/mask';

export interface IdentityPreview {
  cardType: CardType;
  maskedName: string;
  maskedIdNumber: string;
  /** GB 11643 checksum of the number, as the reader decoded it. */
  idNumberValid: boolean;
  hasPhoto: boolean;
  /** Whether the card is still valid on the day of the test; undefined when unreadable. */
  expired?: boolean;
}

function isExpired(validTo: string | undefined, today: string): boolean | undefined {
  if (!validTo) return undefined;
  if (validTo === '长期') return false;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(validTo)
    ? validTo
    : /^\d{8}$/.test(validTo)
      ? `${validTo.slice(0, 4)}-${validTo.slice(4, 6)}-${validTo.slice(6)}`
      : undefined;
  return iso === undefined ? undefined : iso < today;
}

/** `today` is YYYY-MM-DD in the kiosk's local time. */
export function identityPreview(identity: Identity, today: string): IdentityPreview {
  const expired = isExpired(identity.validTo, today);
  return {
    cardType: identity.cardType,
    maskedName: maskName(identity.name || identity.nameEn || ''),
    maskedIdNumber: maskIdNumber(identity.idNumber),
    idNumberValid: identity.idNumberValid,
    hasPhoto: Boolean(identity.photoWlt),
    ...(expired === undefined ? {} : { expired }),
  };
}
