import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import { TouchIcon } from '../components/icons';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';

export function AttractScreen() {
  const { t } = usePreferences();
  const { config } = useKioskServices();
  const { dispatch } = useJourney();
  useScreenVoice('voice.attract');
  return (
    <section className="attract" aria-labelledby="attract-title">
      <button
        type="button"
        className="attract-touch"
        onClick={() => dispatch({ type: 'go', screen: 'catalog' })}
      >
        <span className="attract-badge">{t('attract.open')}</span>
        <span className="attract-welcome">{t('attract.welcome')}</span>
        <span id="attract-title" className="attract-room">
          {/* Until the device host says the room (first start only), the kiosk's own name. */}
          {config.roomName || t('app.title')}
        </span>
        <span className="attract-services">{t('attract.services')}</span>
        <span className="attract-cta">
          <TouchIcon className="attract-hand" />
          {t('attract.touch')}
        </span>
      </button>
      <div className="attract-secondary">
        <button
          type="button"
          className="btn btn-secondary btn-large"
          onClick={() => dispatch({ type: 'go', screen: 'progress' })}
        >
          {t('attract.progress')}
        </button>
        <p className="attract-hotline">
          {config.hotline && t('app.hotline', { hotline: config.hotline })}
        </p>
      </div>
    </section>
  );
}
