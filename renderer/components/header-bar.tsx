import { memo, type ReactNode } from 'react';
import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import { Clock } from './clock';
import { SpeakerIcon, SpeakerOffIcon } from './icons';

/** A switch of the citizen's preferences; pressed while on. */
function Toggle({
  on,
  label,
  onToggle,
  children,
}: {
  on: boolean;
  label: string;
  onToggle(on: boolean): void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="switch-button"
      aria-pressed={on}
      aria-label={label}
      onClick={() => onToggle(!on)}
    >
      {children}
    </button>
  );
}

export const HeaderBar = memo(function HeaderBar() {
  const { config } = useKioskServices();
  const { t, locale, elderly, voice, setLocale, setElderly, setVoice } = usePreferences();
  return (
    <header className="header-bar">
      <div className="header-room">
        <span className="header-emblem" aria-hidden="true">
          政
        </span>
        <div>
          {/* Empty for a moment on a kiosk's very first start, until the host says it. */}
          <div className="header-room-name">{config.roomName || '\u00a0'}</div>
          <div className="header-subtitle">{t('app.title')}</div>
        </div>
      </div>
      <Clock locale={locale} className="header-clock" />
      <div className="header-switches">
        <button
          type="button"
          className="switch-button"
          aria-label={t('header.languageLabel')}
          lang={locale === 'en' ? 'zh-CN' : 'en'}
          onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
        >
          {t('locale.other')}
        </button>
        <Toggle on={elderly} label={t('header.elderlyLabel')} onToggle={setElderly}>
          {elderly ? t('header.elderlyOff') : t('header.elderly')}
        </Toggle>
        <Toggle on={voice} label={t('header.voiceLabel')} onToggle={setVoice}>
          {voice ? <SpeakerIcon /> : <SpeakerOffIcon />}
          {voice ? t('header.voiceOn') : t('header.voiceOff')}
        </Toggle>
      </div>
    </header>
  );
});
