import type { EnvelopeContent } from '../protocol/envelope';

/**
 * What a simulated kiosk (simulated-kiosk.ts) applies for when the test or benchmark does not
 * care what: 社保卡补换 of the demo catalogue, with a form its check accepts. The ID number is
 * the standard's own example, no citizen's.
 */

export const SIMULATED_SERVICE = '000131150000';

export const SIMULATED_ID_NUMBER = '11010519491231002X';

/** The application's content; `signatureId` is the attachment its signature field names. */
export function simulatedApplication(
  signatureId: string,
  overrides: {
    form?: Partial<EnvelopeContent['form']>;
    identity?: Partial<EnvelopeContent['identity']>;
  } = {},
): EnvelopeContent {
  return {
    form: {
      applicantName: '张三',
      applicantIdNumber: SIMULATED_ID_NUMBER,
      reason: 'lost',
      phone: '13800138000',
      signature: signatureId,
      ...overrides.form,
    },
    identity: { name: '张三', idNumber: SIMULATED_ID_NUMBER, ...overrides.identity },
    materials: [],
    locale: 'zh-CN',
  };
}
