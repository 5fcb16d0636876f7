import { describe, expect, it } from 'vitest';
import { Rating } from './rating';

const base = {
  id: '7d2f4b8e-6a8a-4a43-9a53-0f1b7c2d3e4f',
  applicationId: '1d2f4b8e-6a8a-4a43-9a53-0f1b7c2d3e4f',
  receiptNumber: 'K0001-20250101-0001',
  serviceCode: '000131128000',
  ratedAt: '2025-01-01T03:00:00+08:00',
};

describe('好差评', () => {
  it('takes a good rating without reasons', () => {
    expect(Rating.parse({ ...base, level: 5 })).toMatchObject({
      level: 5,
      reasons: [],
      channel: 'kiosk',
    });
  });

  it('wants 差评 to say what went wrong', () => {
    expect(Rating.safeParse({ ...base, level: 2 }).success).toBe(false);
    expect(Rating.safeParse({ ...base, level: 1, reasons: ['long-wait'] }).success).toBe(true);
    expect(Rating.safeParse({ ...base, level: 1, reasons: ['other'] }).success).toBe(false);
    expect(Rating.safeParse({ ...base, level: 4, reasons: ['long-wait'] }).success).toBe(false);
    expect(Rating.safeParse({ ...base, level: 6 }).success).toBe(false);
  });
});
