import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Identity } from '../../devices/bridge/contract';
import { residentCard } from './fake-kiosk';
import { identityPreview } from './identity-preview';

const card: Identity = { ...residentCard, validTo: '2030-01-01', photoWlt: 'V0xU' };

describe('identity preview', () => {
  it('shows the name and number masked, and nothing else personal', () => {
    const preview = identityPreview(card, '2025-03-01');
    expect(preview).toEqual({
      cardType: 'resident',
      maskedName: '张*三',
      maskedIdNumber: '110105********002X',
      idNumberValid: true,
      hasPhoto: true,
      expired: false,
    });
    const shown = JSON.stringify(preview);
    for (const secret of ['小', '1949', '朝阳', 'V0xU']) expect(shown).not.toContain(secret);
  });

  it('masks two-character names and tells expired cards', () => {
    const preview = identityPreview({ ...card, name: '张三', validTo: '20200101' }, '2025-03-01');
    expect(preview).toMatchObject({ maskedName: '张*', expired: true });
    expect(identityPreview({ ...card, validTo: '长期' }, '2025-03-01').expired).toBe(false);
    expect(identityPreview({ ...card, validTo: undefined }, '2025-03-01')).not.toHaveProperty(
      'expired',
    );
  });

  it('uses the English name when the card has no Chinese one', () => {
    const preview = identityPreview(
      { ...card, cardType: 'foreigner-2023', name: '', nameEn: 'SMITH JOHN' },
      '2025-03-01',
    );
    expect(preview.maskedName).toBe('S********N');
  });

  it('never shows the middle of any ID number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (idNumber) => {
        const shown = identityPreview({ ...card, idNumber }, '2025-03-01').maskedIdNumber;
        expect(shown.slice(6, 14)).toBe('********');
      }),
    );
  });
});
