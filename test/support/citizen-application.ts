import type { EnvelopeContent } from '../../sync/protocol/envelope';

/** 社保卡补换: the demo catalogue's service the platform tests and the load benchmark seal. */
export const SOCIAL_SECURITY_CARD = '000131150000';

/**
 * A replacement of a lost social security card the platform's form check accepts, signed by
 * the attachment `signatureId`. A mailing address, when given, is the card's address too.
 */
export function citizenContent(
  signatureId: string,
  overrides: Partial<EnvelopeContent['form']> = {},
  address?: string,
): EnvelopeContent {
  return {
    form: {
      applicantName: '张三',
      applicantIdNumber: '11010519491231002X',
      reason: 'lost',
      phone: '13800138000',
      ...(address === undefined ? {} : { mailingAddress: address }),
      signature: signatureId,
      ...overrides,
    },
    identity: {
      name: '张三',
      idNumber: '11010519491231002X',
      ...(address === undefined ? {} : { address }),
    },
    materials: [],
    locale: 'zh-CN',
  };
}
