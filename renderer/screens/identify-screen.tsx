import { useCallback, useEffect, useRef, useState } from 'react';
import type { Identity } from '../../devices/bridge/contract';
import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import { QrIcon } from '../components/icons';
import { ScreenFrame } from '../components/screen-frame';
import { prefillFromIdentity } from '../form/card-prefill';
import { identityFromScan } from '../identity/eid-code';
import { idNumberProblem } from '../../domain/id-number';
import { identityFromNumber } from '../identity/identity-from-number';
import { maskIdNumber, maskName } from '../../domain/mask';
import { OnScreenKeyboard } from '../keyboard/onscreen-keyboard';
import type { IdentitySource } from '../session/journey';
import { useJourney } from '../session/journey-context';
import { useSay, useScreenVoice } from '../voice/voice-context';
import type { MessageKey } from '../../domain/i18n/messages';
import { errorCode } from '../app/error-code';

type ReaderState = 'waiting' | 'reading' | 'failed' | 'unavailable' | 'removed';

const READER_MESSAGE: Record<ReaderState, MessageKey> = {
  waiting: 'identify.cardPrompt',
  reading: 'identify.reading',
  failed: 'identify.readFailed',
  unavailable: 'identify.readerUnavailable',
  removed: 'identify.removed',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function IdentifyScreen() {
  const { t } = usePreferences();
  const { kiosk } = useKioskServices();
  const { journey, dispatch } = useJourney();
  const say = useSay();
  useScreenVoice('voice.identify');
  const [reader, setReader] = useState<ReaderState>('waiting');
  const [manual, setManual] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>();
  const [found, setFound] = useState<{ identity: Identity; source: IdentitySource } | undefined>();
  const accepted = useRef(false);
  const service = journey.service;

  const accept = useCallback((identity: Identity, source: IdentitySource) => {
    if (accepted.current) return;
    accepted.current = true;
    setFound({ identity, source });
  }, []);

  // The reader long-polls while this screen is up; the host's cardPresent event and a
  // scanned e-ID code race it, and whichever comes first wins.
  useEffect(() => {
    let live = true;
    const loop = async () => {
      while (live && !accepted.current) {
        try {
          const identity = await kiosk.idcard.readOnce({ timeoutMs: 30_000 });
          if (live) accept(identity, 'card');
          return;
        } catch (error) {
          if (!live) return;
          const code = errorCode(error);
          if (code === 'TIMEOUT' || code === 'NO_CARD') continue;
          setReader(
            code === 'HOST_UNAVAILABLE' || code === 'DEVICE_UNAVAILABLE' ? 'unavailable' : 'failed',
          );
          await sleep(2000);
        }
      }
    };
    void loop();
    const offs = [
      kiosk.on('idcard.cardPresent', ({ identity }) => accept(identity, 'card')),
      kiosk.on('idcard.cardRemoved', () => {
        if (!accepted.current) setReader('removed');
      }),
      kiosk.on('idcard.error', () => {
        if (!accepted.current) setReader('failed');
      }),
      kiosk.on('scanner.scanned', ({ text }) => {
        if (!service?.identify.eid) return;
        const identity = identityFromScan(text);
        if (identity) accept(identity, 'eid');
      }),
    ];
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [kiosk, accept, service]);

  useEffect(() => {
    if (reader === 'failed' || reader === 'removed') say(READER_MESSAGE[reader]);
    // Only a change of reader state is news worth saying.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reader]);

  if (!service) return null;

  const proceed = () => {
    if (!found) return;
    dispatch({
      type: 'identified',
      identity: found.identity,
      source: found.source,
      prefill: prefillFromIdentity(service.form, found.identity),
    });
  };

  const submitTyped = () => {
    const problem = idNumberProblem(typed);
    if (problem) {
      setTypedError(t(`validation.idNumber.${problem}`));
      return;
    }
    setTypedError(undefined);
    accept(identityFromNumber(typed), 'manual');
  };

  if (found) {
    const valid = found.identity.idNumberValid;
    return (
      <ScreenFrame
        title={t('identify.confirmed')}
        step="identify"
        actions={
          valid ? (
            <button type="button" className="btn btn-primary btn-large" onClick={proceed}>
              {t('identify.continue')}
            </button>
          ) : null
        }
      >
        <div className={`identity-card ${valid ? '' : 'identity-invalid'}`}>
          <span className="identity-check" aria-hidden="true">
            {valid ? '✓' : '!'}
          </span>
          <dl>
            {found.identity.name && (
              <div>
                <dt>{t('idcard.name')}</dt>
                <dd>{maskName(found.identity.name)}</dd>
              </div>
            )}
            <div>
              <dt>{t('identify.idLabel')}</dt>
              <dd className="mono">{maskIdNumber(found.identity.idNumber)}</dd>
            </div>
          </dl>
          {!valid && <p className="field-error">{t('identify.invalidCard')}</p>}
        </div>
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame title={t('identify.title')} step="identify" className="identify-screen">
      {!manual && (
        <div className="identify-options">
          <div className={`card-reader reader-${reader}`} role="status" aria-live="polite">
            <div className="card-animation" aria-hidden="true">
              <div className="card-slot" />
              <div className="card-shape">
                <span className="card-chip" />
                <span className="card-lines" />
              </div>
            </div>
            <p className="reader-message">{t(READER_MESSAGE[reader])}</p>
            <p className="hint">{t('identify.cardHint')}</p>
          </div>
          {(service.identify.eid || service.identify.manual) && (
            <p className="or-divider">{t('identify.or')}</p>
          )}
          <div className="identify-alternatives">
            {service.identify.eid && (
              <div className="alt-option">
                <QrIcon className="alt-icon" />
                <div>
                  <strong>{t('identify.scan')}</strong>
                  <p className="hint">{t('identify.scanHint')}</p>
                </div>
              </div>
            )}
            {service.identify.manual && (
              <button
                type="button"
                className="btn btn-secondary btn-large"
                onClick={() => setManual(true)}
              >
                {t('identify.manual')}
              </button>
            )}
          </div>
        </div>
      )}
      {manual && (
        <div className="manual-entry">
          <label className="field-label" htmlFor="manual-id">
            {t('identify.manualHint')}
          </label>
          <output
            id="manual-id"
            className={`big-input mono ${typedError ? 'has-error' : ''}`}
            aria-invalid={Boolean(typedError)}
          >
            {typed || '\u00a0'}
          </output>
          {typedError && (
            <p className="field-error" role="alert">
              {typedError}
            </p>
          )}
          <OnScreenKeyboard
            value={typed}
            onChange={(v) => setTyped(v.toUpperCase())}
            layouts={['idNumber']}
            maxLength={18}
            onDone={submitTyped}
          />
          <div className="row-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setManual(false)}>
              {t('nav.back')}
            </button>
            <button type="button" className="btn btn-primary btn-large" onClick={submitTyped}>
              {t('identify.confirm')}
            </button>
          </div>
        </div>
      )}
    </ScreenFrame>
  );
}
