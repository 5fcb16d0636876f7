// The 受理回执 sent to the printer: only masked personal data crosses the bridge.
import type { AcceptanceReceipt } from '../../devices/bridge/contract';
import type { Locale } from '../../domain/locale';
import { maskIdNumber, maskName } from '../../domain/mask';
import type { DeliveryState } from '../app/sync-port';
import type { Submitted } from '../session/journey';

export interface ReceiptInput {
  serviceName: string;
  serviceCode: string;
  name: string;
  idNumber: string;
  submitted: Submitted;
  delivery: DeliveryState;
  hotline: string;
  locale: Locale;
}

export function acceptanceReceipt(input: ReceiptInput): AcceptanceReceipt {
  const { submitted } = input;
  return {
    serviceName: input.serviceName,
    serviceCode: input.serviceCode,
    maskedName: maskName(input.name),
    maskedIdNumber: maskIdNumber(input.idNumber),
    receiptNumber: submitted.result.receiptNumber,
    submittedAt: submitted.submittedAt,
    kioskId: submitted.result.kioskId,
    materialsSubmitted: submitted.materialsSubmitted,
    materialsMissing: submitted.materialsMissing,
    progressUrl: submitted.result.progressUrl,
    hotline: input.hotline,
    deliveryState: input.delivery === 'acked' ? 'submitted' : 'queued',
    locale: input.locale,
  };
}
