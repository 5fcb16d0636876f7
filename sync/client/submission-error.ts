/** Why the kiosk refused to take an application; the citizen's data is still in the session. */
export type SubmissionErrorCode =
  | 'STORAGE_FULL'
  | 'NOT_ENROLLED'
  | 'FORM_INVALID'
  | 'IDENTITY_MISSING'
  | 'TOO_MANY_MATERIALS'
  | 'MATERIAL_TOO_LARGE';

const MESSAGES_ZH: Record<SubmissionErrorCode, string> = {
  STORAGE_FULL: '本机存储空间不足，暂停受理新申请，请联系工作人员。已提交的申请不受影响。',
  NOT_ENROLLED: '本机尚未完成注册，暂时无法受理申请，请联系工作人员。',
  FORM_INVALID: '表单内容有误，请检查后重新提交。',
  IDENTITY_MISSING: '缺少申请人身份信息，请重新读取身份证。',
  TOO_MANY_MATERIALS: '材料数量超出上限。',
  MATERIAL_TOO_LARGE: '材料图片过大，请重新拍摄。',
};

export class SubmissionError extends Error {
  readonly messageZh: string;
  constructor(
    readonly code: SubmissionErrorCode,
    detail?: string,
  ) {
    // Never the citizen's data in the message: it may end in a log.
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SubmissionError';
    this.messageZh = MESSAGES_ZH[code];
  }
}
