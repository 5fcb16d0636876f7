// The 受理回执: what the citizen takes home as proof that the kiosk accepted the
// application. It arrives with the name and ID number masked by the renderer; a value that
// still looks like a clear name or ID number is masked here again rather than printed.
import type { AcceptanceReceipt, ReceiptBlock, ReceiptDocument } from '../bridge/contract';
import { maskIdNumber, maskName } from '../../domain/mask';

export interface AcceptanceReceiptOptions {
  /** Time zone the submission time is printed in. */
  timeZone?: string;
}

const LABELS = {
  'zh-CN': {
    title: '受理回执',
    service: '办理事项',
    serviceCode: '事项编码',
    applicant: '申请人',
    idNumber: '证件号码',
    receiptNumber: '受理编号',
    time: '提交时间',
    kiosk: '终端编号',
    state: '办理状态',
    submitted: '已提交至政务服务平台',
    queued: '已受理，网络恢复后自动上报',
    materials: '已提交材料',
    missing: '容缺材料（请在期限前补交）',
    deadline: '补交期限',
    none: '无',
    scan: '扫码查询办理进度',
    hotline: '咨询电话',
    keep: '请妥善保管本回执',
  },
  en: {
    title: 'Acceptance receipt',
    service: 'Service',
    serviceCode: 'Service code',
    applicant: 'Applicant',
    idNumber: 'ID number',
    receiptNumber: 'Receipt no.',
    time: 'Submitted',
    kiosk: 'Kiosk',
    state: 'Status',
    submitted: 'Sent to the service platform',
    queued: 'Accepted; will be sent when online',
    materials: 'Materials submitted',
    missing: 'Materials to supply later',
    deadline: 'by',
    none: 'none',
    scan: 'Scan to follow your application',
    hotline: 'Hotline',
    keep: 'Please keep this receipt',
  },
} as const;

export function acceptanceReceiptDocument(
  receipt: AcceptanceReceipt,
  options: AcceptanceReceiptOptions = {},
): ReceiptDocument {
  const t = LABELS[receipt.locale];
  const blocks: ReceiptBlock[] = [
    { kind: 'title', text: t.title },
    { kind: 'rule' },
    { kind: 'kv', key: t.service, value: receipt.serviceName },
    { kind: 'kv', key: t.serviceCode, value: receipt.serviceCode },
    { kind: 'kv', key: t.applicant, value: ensureMaskedName(receipt.maskedName) },
    { kind: 'kv', key: t.idNumber, value: ensureMaskedIdNumber(receipt.maskedIdNumber) },
    { kind: 'kv', key: t.receiptNumber, value: receipt.receiptNumber },
    {
      kind: 'kv',
      key: t.time,
      value: formatTime(receipt.submittedAt, options.timeZone ?? 'Asia/Shanghai'),
    },
    { kind: 'kv', key: t.kiosk, value: receipt.kioskId },
    {
      kind: 'kv',
      key: t.state,
      value: receipt.deliveryState === 'submitted' ? t.submitted : t.queued,
    },
    { kind: 'rule' },
    { kind: 'text', text: t.materials, bold: true },
    ...numbered(receipt.materialsSubmitted, t.none),
  ];
  if (receipt.materialsMissing.length > 0) {
    blocks.push({ kind: 'text', text: t.missing, bold: true });
    receipt.materialsMissing.forEach((m, i) =>
      blocks.push({ kind: 'kv', key: `${i + 1}. ${m.name}`, value: `${t.deadline} ${m.deadline}` }),
    );
  }
  blocks.push(
    { kind: 'rule' },
    { kind: 'qr', data: receipt.progressUrl },
    { kind: 'text', text: t.scan, align: 'center' },
    { kind: 'text', text: `${t.hotline}：${receipt.hotline}`, align: 'center' },
    { kind: 'text', text: t.keep, align: 'center' },
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  );
  return { blocks };
}

function numbered(items: readonly string[], none: string): ReceiptBlock[] {
  if (items.length === 0) return [{ kind: 'text', text: none }];
  return items.map((text, i) => ({ kind: 'text', text: `${i + 1}. ${text}` }));
}

const CLEAR_ID = /^\d{17}[\dXx]$|^\d{15}$/;

function ensureMaskedIdNumber(value: string): string {
  return CLEAR_ID.test(value.trim()) ? maskIdNumber(value) : value;
}

function ensureMaskedName(value: string): string {
  return value.includes('*') || value.trim().length === 0 ? value : maskName(value);
}

/** 2025-03-01T02:07:00Z → 2025-03-01 10:07 in Beijing time; anything unparsable as given. */
function formatTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
