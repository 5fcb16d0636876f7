import { useState } from 'react';
import type { KioskApi } from '../../devices/bridge/contract';
import { errorText } from './error-text';
import { NumericKeypad } from './numeric-keypad';
import { pinComplete, pressPinKey, type PinKey } from './pin-entry';
import type { Translate } from '../../domain/i18n/translator';

interface PinPadProps {
  t: Translate;
  kiosk: KioskApi;
  /** Why the last session ended, shown above the pad. */
  notice?: string;
  onSignedIn(login: { token: string; expiresAt: string }): void;
}

export function PinPad({ t, kiosk, notice, onSignedIn }: PinPadProps) {
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = () => {
    if (!pinComplete(pin) || checking) return;
    setChecking(true);
    setError(undefined);
    kiosk.technician.login({ pin }).then(
      (login) => {
        setPin('');
        setChecking(false);
        onSignedIn(login);
      },
      (failure: unknown) => {
        // A wrong PIN is typed again from scratch: no digits stay on a public screen.
        setPin('');
        setChecking(false);
        setError(errorText(failure, t, 'login'));
      },
    );
  };

  return (
    <section className="tech-login" aria-labelledby="tech-login-title">
      <h2 id="tech-login-title" className="tech-login-title">
        {t('pin.title')}
      </h2>
      {notice ? <p className="tech-notice">{notice}</p> : null}
      <p className="tech-login-prompt">{t('pin.prompt')}</p>
      <div
        className="tech-pin-dots"
        aria-live="polite"
        aria-label={t('pin.entered', { n: pin.length })}
      >
        {pin.length === 0 ? (
          <span className="tech-pin-empty">&nbsp;</span>
        ) : (
          Array.from(pin, (_, i) => <span key={i} className="tech-pin-dot" />)
        )}
      </div>
      {error ? (
        <p className="tech-error" role="alert">
          {error}
        </p>
      ) : null}
      <NumericKeypad
        t={t}
        disabled={checking}
        onKey={(key) => {
          if (key === '-') return;
          setError(undefined);
          setPin((current) => pressPinKey(current, key as PinKey));
        }}
      />
      <button
        type="button"
        className="tech-button tech-button-primary tech-login-submit"
        disabled={!pinComplete(pin) || checking}
        onClick={submit}
      >
        {checking ? t('pin.checking') : t('pin.submit')}
      </button>
    </section>
  );
}
