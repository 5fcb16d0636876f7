import { describe, expect, it } from 'vitest';
import { localLookup } from './local-lookup';

describe('localLookup', () => {
  it('prefers the status feed and fills in envelopes the feed does not name yet', () => {
    const result = localLookup(
      [{ receiptNumber: 'R1', serviceCode: 'S', state: 'accepted', updatedAt: '2026-01-01' }],
      [
        { receiptNumber: 'R1', serviceCode: 'S', state: 'acked', createdAt: 1 },
        { receiptNumber: 'R2', serviceCode: 'S', state: 'acked', createdAt: 2 },
        { receiptNumber: 'R3', serviceCode: 'T', state: 'queued', createdAt: 3 },
      ],
    );
    expect(result).toEqual({
      source: 'local',
      applications: [
        { receiptNumber: 'R1', serviceCode: 'S', status: 'accepted', updatedAt: '2026-01-01' },
        {
          receiptNumber: 'R2',
          serviceCode: 'S',
          status: 'submitted',
          delivery: 'acked',
          updatedAt: 2,
        },
        {
          receiptNumber: 'R3',
          serviceCode: 'T',
          status: 'waiting-to-send',
          delivery: 'queued',
          updatedAt: 3,
        },
      ],
    });
  });
});
