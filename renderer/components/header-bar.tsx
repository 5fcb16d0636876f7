import { memo } from 'react';
import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import { Clock } from './clock';
import { SpeakerIcon, SpeakerOffIcon } from './icons';

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
        <button
          type="button"
          className="switch-button"
          aria-pressed={elderly}
          aria-label={t('header.elderlyLabel')}
          onClick={() => setElderly(!elderly)}
        >
          {elderly ? t('header.elderlyOff') : t('header.elderly')}
        </button>
        <button
          type="button"
          className="switch-button"
          aria-pressed={voice}
          aria-label={t('header.voiceLabel')}
          onClick={() => setVoice(!voice)}
        >
          {voice ? <SpeakerIcon /> : <SpeakerOffIcon />}
          {voice ? t('header.voiceOn') : t('header.voiceOff')}
        </button>
      </div>
    </header>
  );
});
