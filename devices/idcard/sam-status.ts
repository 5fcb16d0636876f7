// SW3, the status byte of every SAM reply, as a typed result a technician and a citizen can
// both be told about.

export const SAM_STATUSES = {
  0x90: { name: 'ok', en: 'Success', zh: '操作成功' },
  0x9f: { name: 'card-found', en: 'Card found', zh: '寻找证/卡成功' },
  0x10: {
    name: 'checksum-error',
    en: 'The reader received a frame with a bad checksum',
    zh: '接收业务终端数据的校验和错',
  },
  0x11: {
    name: 'length-error',
    en: 'The reader received a frame with a bad length',
    zh: '接收业务终端数据的长度错',
  },
  0x21: {
    name: 'bad-command',
    en: 'The reader does not know this command',
    zh: '接收业务终端的命令错误',
  },
  0x23: { name: 'not-permitted', en: 'The command is not permitted now', zh: '越权操作' },
  0x24: { name: 'unknown-error', en: 'Unknown reader error', zh: '无法识别的错误' },
  0x31: {
    name: 'card-auth-sam-failed',
    en: 'The card failed to authenticate the SAM',
    zh: '证/卡认证机具失败',
  },
  0x32: {
    name: 'sam-auth-card-failed',
    en: 'The SAM failed to authenticate the card',
    zh: '机具认证证/卡失败',
  },
  0x33: { name: 'verification-error', en: 'Information verification error', zh: '信息验证错误' },
  0x40: { name: 'wrong-card-type', en: 'This is not a supported ID card', zh: '无法识别的卡类型' },
  0x41: {
    name: 'read-failed',
    en: 'Reading the card failed; hold it still and try again',
    zh: '读证/卡操作失败，请放稳证件重试',
  },
  0x47: { name: 'random-failed', en: 'Getting a random number failed', zh: '取随机数失败' },
  0x60: { name: 'self-test-failed', en: 'The SAM self-test failed', zh: 'SAM 自检失败' },
  0x66: {
    name: 'sam-not-authorised',
    en: 'The SAM is not authorised',
    zh: 'SAM 未经授权，无法使用',
  },
  0x80: { name: 'find-failed', en: 'No card on the reader', zh: '寻找证/卡失败（未放卡）' },
  0x81: { name: 'select-failed', en: 'Selecting the card failed', zh: '选取证/卡失败' },
  0x91: { name: 'no-content', en: 'The card holds no such content', zh: '证/卡中此项无内容' },
} as const;

export type KnownStatusName = (typeof SAM_STATUSES)[keyof typeof SAM_STATUSES]['name'];
export type SamStatusName = KnownStatusName | 'unrecognised';

export interface SamStatus {
  code: number;
  name: SamStatusName;
  /** 90 and 9F: the command did what was asked. */
  ok: boolean;
  message: string;
  messageZh: string;
}

export function samStatus(sw3: number): SamStatus {
  const known = (SAM_STATUSES as Record<number, (typeof SAM_STATUSES)[keyof typeof SAM_STATUSES]>)[
    sw3
  ];
  const hex = sw3.toString(16).toUpperCase().padStart(2, '0');
  if (!known) {
    return {
      code: sw3,
      name: 'unrecognised',
      ok: false,
      message: `Unrecognised reader status ${hex}`,
      messageZh: `无法识别的读卡器状态 ${hex}`,
    };
  }
  return {
    code: sw3,
    name: known.name,
    ok: sw3 === 0x90 || sw3 === 0x9f,
    message: known.en,
    messageZh: known.zh,
  };
}

/** Statuses worth one more try: a card slid in late or held askew. */
export function isTransientStatus(sw3: number): boolean {
  return sw3 === 0x80 || sw3 === 0x81 || sw3 === 0x41;
}
