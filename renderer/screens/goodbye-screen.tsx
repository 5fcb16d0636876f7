import { useEffect } from 'react';
import { usePreferences } from '../app/preferences';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';

/** How long the farewell stays before the attract screen, unless touched. */
const FAREWELL_MS = 5000;

/**
 * Shown after the wipe: nothing of the citizen is left to show. A finished journey stops
 * here (the 'farewell' action) still in the citizen's language and mode; leaving ends the
 * session, which resets those for the next citizen.
 */
export function GoodbyeScreen() {
  const { t } = usePreferences();
  const { endSession } = useJourney();
  // Also replaces the last screen's caption, which the farewell's wipe does not stop.
  useScreenVoice('voice.goodbye');
  useEffect(() => {
    const timer = setTimeout(endSession, FAREWELL_MS);
    return () => clearTimeout(timer);
  }, [endSession]);
  return (
    <section className="goodbye" aria-labelledby="goodbye-title">
      <button type="button" className="goodbye-touch" onClick={endSession}>
        <span className="goodbye-icon" aria-hidden="true">
          ✓
        </span>
        <span id="goodbye-title" className="goodbye-title">
          {t('goodbye.title')}
        </span>
        <span className="goodbye-body">{t('goodbye.body')}</span>
        <span className="goodbye-body">{t('goodbye.takeCard')}</span>
      </button>
    </section>
  );
}
