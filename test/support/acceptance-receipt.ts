import type { AcceptanceReceipt } from '../../devices/bridge/contract';

/**
 * A 受理回执 with every part a receipt can have (masked identity, materials handed in and one
 * missing with its deadline, the progress QR), for the printer's tests and benchmarks.
 */
export function sampleReceipt(service: {
  serviceName: string;
  materialsSubmitted: string[];
}): AcceptanceReceipt {
  return {
    serviceName: service.serviceName,
    serviceCode: '000131128000',
    maskedName: '张*丰',
    maskedIdNumber: '110105********002X',
    receiptNumber: 'BDY-20250301-0007',
    submittedAt: '2025-03-01T02:07:00Z',
    kioskId: 'K-0042',
    materialsSubmitted: service.materialsSubmitted,
    materialsMissing: [{ name: '工作证明', deadline: '2025-03-15' }],
    progressUrl: 'https://example.gov.cn/progress?r=BDY-20250301-0007',
    hotline: '12345',
    deliveryState: 'queued',
    locale: 'zh-CN',
  };
}
