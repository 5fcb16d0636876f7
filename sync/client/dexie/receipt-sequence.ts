import { formatReceiptNumber } from '../../protocol/receipt-number';
import type { KioskDb } from './kiosk-db';

/**
 * The next local receipt number: kiosk prefix, local date, a per-day sequence. Taken in its
 * own durable transaction before sealing (the number is sealed into the envelope): a failed
 * submission leaves a gap, never a number used twice.
 */
export async function nextReceiptNumber(db: KioskDb, prefix: string, now: Date): Promise<string> {
  const day = formatReceiptNumber(prefix, now, 0).split('-')[1]!;
  const key = `receiptSeq:${day}`;
  const sequence = await db.transaction('rw', db.meta, async () => {
    const current = (await db.meta.get(key))?.value;
    const next = (typeof current === 'number' ? current : 0) + 1;
    await db.meta.put({ key, value: next });
    return next;
  });
  return formatReceiptNumber(prefix, now, sequence);
}
