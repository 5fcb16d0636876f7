import { useEffect, useState } from 'react';
import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import type { DeliveryState, ProgressEntry } from '../app/sync-port';
import { ApplicationStatus, applicationStatusKey } from '../../sync/protocol/application-status';
import { localText } from '../catalog/catalog-model';
import { useCatalog } from '../catalog/catalog-context';
import { CardIcon, QrIcon } from '../components/icons';
import { ScreenFrame } from '../components/screen-frame';
import { OnScreenKeyboard } from '../keyboard/onscreen-keyboard';
import { receiptNumberFromScan } from '../progress/receipt-code';
import type { MessageKey } from '../../domain/i18n/messages';
import { useScreenVoice } from '../voice/voice-context';

type Mode = 'choose' | 'receipt';
const DELIVERY_STATUS: Partial<Record<DeliveryState, MessageKey>> = {
  queued: 'progress.status.queued',
  sending: 'progress.status.sending',
  acked: 'progress.status.acked',
  quarantined: 'progress.status.queued',
};

/** 进度查询: by ID card, by receipt number typed or scanned; local queue state offline. */
export function ProgressScreen() {
  const { t, locale } = usePreferences();
  const { kiosk, sync } = useKioskServices();
  const [mode, setMode] = useState<Mode>('choose');
  const [typed, setTyped] = useState('');
  const [results, setResults] = useState<ProgressEntry[] | undefined>();
  const [busy, setBusy] = useState(false);
  const [online, setOnline] = useState(() => sync.status().online);
  const { catalog } = useCatalog();
  const serviceName = (code: string) => {
    const service = catalog?.services.find((s) => s.code === code);
    return service ? localText(service.name, locale) : code;
  };
  useScreenVoice('voice.progress');
  useEffect(() => sync.onStatus((s) => setOnline(s.online)), [sync]);

  const run = (lookup: () => Promise<ProgressEntry[]>) => {
    setBusy(true);
    lookup()
      .then(setResults, () => setResults([]))
      .finally(() => setBusy(false));
  };

  useEffect(() => {
    const offs = [
      // The card's number is used for the lookup and then dropped: nothing is kept.
      kiosk.on('idcard.cardPresent', ({ identity }) =>
        run(() => sync.lookupByIdNumber(identity.idNumber)),
      ),
      kiosk.on('scanner.scanned', ({ text }) => {
        const number = receiptNumberFromScan(text);
        if (number) run(() => sync.lookupByReceipt(number));
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [kiosk, sync]);

  const statusText = (entry: ProgressEntry) => {
    const platformStatus = ApplicationStatus.safeParse(entry.status);
    if (platformStatus.success) return t(applicationStatusKey(platformStatus.data));
    const key = entry.delivery ? DELIVERY_STATUS[entry.delivery] : undefined;
    return key ? t(key) : t('progress.status.queued');
  };

  return (
    <ScreenFrame title={t('progress.title')} className="progress-screen">
      {!online && <p className="callout callout-warn">{t('progress.offline')}</p>}
      {mode === 'choose' && (
        <div className="progress-methods">
          <div className="alt-option">
            <CardIcon className="alt-icon" />
            <strong>{t('progress.byCard')}</strong>
          </div>
          <div className="alt-option">
            <QrIcon className="alt-icon" />
            <strong>{t('progress.byScan')}</strong>
          </div>
          <button
            type="button"
            className="btn btn-secondary btn-large"
            onClick={() => setMode('receipt')}
          >
            {t('progress.byReceipt')}
          </button>
        </div>
      )}
      {mode === 'receipt' && (
        <div className="manual-entry">
          <span className="field-label" id="receipt-label">
            {t('progress.receiptPlaceholder')}
          </span>
          <output className="big-input mono" aria-labelledby="receipt-label">
            {typed || '\u00a0'}
          </output>
          <OnScreenKeyboard
            value={typed}
            onChange={(v) => setTyped(v.toUpperCase())}
            layouts={['english', 'numeric']}
            maxLength={40}
            onDone={() => typed && run(() => sync.lookupByReceipt(typed.trim()))}
          />
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-primary btn-large"
              disabled={!typed.trim() || busy}
              onClick={() => run(() => sync.lookupByReceipt(typed.trim()))}
            >
              {t('progress.search')}
            </button>
          </div>
        </div>
      )}
      {results && (
        <div className="progress-results" role="status" aria-live="polite">
          {results.length === 0 && <p className="empty-state">{t('progress.none')}</p>}
          {results.map((entry) => (
            <article key={`${entry.receiptNumber}-${entry.updatedAt}`} className="progress-entry">
              <p className="receipt-label">{serviceName(entry.serviceCode)}</p>
              <p className="mono">{entry.receiptNumber}</p>
              <p className={`progress-status source-${entry.source}`}>
                <span className="tag">
                  {entry.source === 'local' ? t('progress.local') : t('progress.fromPlatform')}
                </span>{' '}
                {statusText(entry)}
              </p>
              <p className="hint">
                {new Date(entry.updatedAt).toLocaleString(locale, { hour12: false })}
              </p>
              {entry.reason && <p>{entry.reason}</p>}
            </article>
          ))}
        </div>
      )}
    </ScreenFrame>
  );
}
