import type { LocalProgress, LookupResult } from '../kiosk-sync';
import type { DeliveryState } from '../outbox-entry';

export interface StatusRow {
  receiptNumber?: string;
  serviceCode?: string;
  state: string;
  updatedAt: string;
}

export interface OutboxRow {
  receiptNumber: string;
  serviceCode: string;
  state: DeliveryState;
  createdAt: number;
}

/**
 * What this kiosk knows of some applications while the platform cannot be asked: the status
 * feed it last heard, and for applications the feed does not name yet, where the envelope is.
 */
export function localLookup(
  rows: readonly StatusRow[],
  outbox: readonly OutboxRow[],
): LookupResult {
  const known = new Set(rows.map((r) => r.receiptNumber));
  const applications: LocalProgress[] = [
    ...rows.map((r) => ({
      receiptNumber: r.receiptNumber ?? '',
      serviceCode: r.serviceCode ?? '',
      status: r.state,
      updatedAt: r.updatedAt,
    })),
    ...outbox
      .filter((e) => !known.has(e.receiptNumber))
      .map((e) => ({
        receiptNumber: e.receiptNumber,
        serviceCode: e.serviceCode,
        status: e.state === 'acked' ? 'submitted' : 'waiting-to-send',
        delivery: e.state,
        updatedAt: e.createdAt,
      })),
  ];
  return { source: 'local', applications };
}
