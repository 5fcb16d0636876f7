import { z } from 'zod';

/**
 * The local receipt number printed on the 受理回执: `<kiosk prefix>-<yyyymmdd>-<sequence>`.
 * The prefix is issued at enrolment, so numbers made offline at different kiosks never clash.
 */
export const ReceiptNumber = z
  .string()
  .regex(/^[A-Z0-9]{2,12}-\d{8}-\d{4,8}$/, 'not a receipt number');
export type ReceiptNumber = z.infer<typeof ReceiptNumber>;

export function formatReceiptNumber(prefix: string, date: Date, sequence: number): string {
  const ymd = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  return `${prefix}-${ymd}-${String(sequence).padStart(4, '0')}`;
}

export function receiptNumberPrefix(receiptNumber: string): string {
  return receiptNumber.split('-', 1)[0] ?? '';
}
