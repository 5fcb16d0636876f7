import { describe, expect, it } from 'vitest';
import { acceptanceReceipt } from './acceptance-receipt';

describe('acceptance receipt', () => {
  const input = {
    serviceName: '居住证申领',
    serviceCode: '000131131000',
    name: '张小三',
    idNumber: '11010519491231002X',
    submitted: {
      result: {
        envelopeId: 'e1',
        receiptNumber: 'K01-20250101-0001',
        kioskId: 'K01',
        progressUrl: 'https://p/progress?r=K01-20250101-0001',
      },
      submittedAt: '2025-01-01T03:00:00Z',
      materialsSubmitted: ['近期一寸免冠照片'],
      materialsMissing: [{ name: '就业或就读证明', deadline: '2025-01-15' }],
    },
    hotline: '12345',
    locale: 'zh-CN' as const,
  };

  it('carries only the masked name and ID number', () => {
    const receipt = acceptanceReceipt({ ...input, delivery: 'queued' });
    const text = JSON.stringify(receipt);
    expect(text).not.toContain('张小三');
    expect(text).not.toContain('11010519491231002X');
    expect(receipt.maskedName).toBe('张*三');
    expect(receipt.maskedIdNumber).toBe('110105********002X');
  });

  it('says submitted only once the platform acknowledged', () => {
    expect(acceptanceReceipt({ ...input, delivery: 'queued' }).deliveryState).toBe('queued');
    expect(acceptanceReceipt({ ...input, delivery: 'sending' }).deliveryState).toBe('queued');
    expect(acceptanceReceipt({ ...input, delivery: 'acked' }).deliveryState).toBe('submitted');
  });
});
