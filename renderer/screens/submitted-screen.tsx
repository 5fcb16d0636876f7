import { useEffect, useRef, useState } from 'react';
import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import type { DeliveryState } from '../app/sync-port';
import { localText } from '../catalog/catalog-model';
import { CheckIcon, ClockIcon } from '../components/icons';
import { QrCode } from '../components/qr-code';
import { ScreenFrame } from '../components/screen-frame';
import { acceptanceReceipt } from '../receipt/acceptance-receipt';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';

type PrintState = 'printing' | 'printed' | 'failed';

export function SubmittedScreen() {
  const { t, locale } = usePreferences();
  const { kiosk, sync, config } = useKioskServices();
  const { journey, dispatch } = useJourney();
  const [delivery, setDelivery] = useState<DeliveryState>('queued');
  const [print, setPrint] = useState<PrintState>('printing');
  const printed = useRef(false);
  useScreenVoice('voice.submitted');
  const { service, submitted, identity } = journey;
  const envelopeId = submitted?.result.envelopeId;

  useEffect(() => {
    if (!envelopeId) return;
    let live = true;
    void sync.deliveryState(envelopeId).then((state) => {
      if (live) setDelivery(state);
    });
    const off = sync.onDelivery((event) => {
      if (event.envelopeId === envelopeId) setDelivery(event.state);
    });
    return () => {
      live = false;
      off();
    };
  }, [sync, envelopeId]);

  // The receipt is printed once, from this session's memory, with masked data only.
  useEffect(() => {
    if (printed.current || !service || !submitted) return;
    printed.current = true;
    const print = async () => {
      const state = await sync
        .deliveryState(submitted.result.envelopeId)
        .catch((): DeliveryState => 'queued');
      const receipt = acceptanceReceipt({
        serviceName: localText(service.name, 'zh-CN'),
        serviceCode: service.code,
        name: identity?.name || journey.form.name || '',
        idNumber: identity?.idNumber ?? '',
        submitted,
        delivery: state,
        hotline: config.hotline,
        locale,
      });
      const status = await kiosk.printer.status();
      if (!status.online || status.paperOut || status.coverOpen) throw new Error(status.state);
      await kiosk.printer.printAcceptanceReceipt({ receipt });
    };
    print().then(
      () => setPrint('printed'),
      () => setPrint('failed'),
    );
  }, [kiosk, sync, config.hotline, locale, service, submitted, identity, journey.form.name]);

  if (!service || !submitted) return null;
  const acked = delivery === 'acked';

  return (
    <ScreenFrame
      title={t('submitted.title')}
      step="done"
      showBack={false}
      className="submitted-screen"
      actions={
        <>
          <button
            type="button"
            className="btn btn-secondary btn-large"
            onClick={() => dispatch({ type: 'farewell' })}
          >
            {t('submitted.finish')}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-large"
            onClick={() => dispatch({ type: 'go', screen: 'rating' })}
          >
            {t('submitted.rate')}
          </button>
        </>
      }
    >
      <div
        className={`delivery-state ${acked ? 'delivery-acked' : 'delivery-queued'}`}
        role="status"
        aria-live="polite"
      >
        {acked ? <CheckIcon className="delivery-icon" /> : <ClockIcon className="delivery-icon" />}
        {acked ? t('submitted.acked') : t('submitted.queued')}
      </div>
      <div className="receipt-panel">
        <div className="receipt-info">
          <p className="receipt-service">{localText(service.name, locale)}</p>
          <p className="receipt-label">{t('submitted.receiptNumber')}</p>
          <p className="receipt-number mono" data-testid="receipt-number">
            {submitted.result.receiptNumber}
          </p>
          <p className={`print-state print-${print}`} role="status">
            {print === 'printing'
              ? t('submitted.printing')
              : print === 'printed'
                ? t('submitted.printed')
                : t('submitted.printFailed')}
          </p>
          {submitted.materialsMissing.map((m) => (
            <p key={m.name} className="callout callout-warn">
              {m.name}: {t('materials.deadline', { date: m.deadline })}
            </p>
          ))}
          <p className="hint">{t('submitted.takeCard')}</p>
        </div>
        <figure className="receipt-qr">
          <QrCode
            text={submitted.result.progressUrl}
            label={t('submitted.scanToTrack')}
            size={print === 'failed' ? 320 : 220}
          />
          <figcaption>{t('submitted.scanToTrack')}</figcaption>
        </figure>
      </div>
    </ScreenFrame>
  );
}
