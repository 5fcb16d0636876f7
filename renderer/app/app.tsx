import { Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Locale } from '../../domain/locale';
import { CaptionBar } from '../components/caption-bar';
import { HeaderBar } from '../components/header-bar';
import { StatusBanner } from '../components/status-banner';
import { TimeoutWarning } from '../components/timeout-warning';
import { translator } from '../../domain/i18n/translator';
import { cardRemovalEffect } from '../session/card-removal';
import { initialJourney, journeyReducer } from '../session/journey';
import { JourneyContext, type JourneyHandle } from '../session/journey-context';
import { timerPolicy } from '../session/session-timer';
import { createVoiceGuide } from '../voice/voice-guide';
import { VoiceContext } from '../voice/voice-context';
import { CatalogProvider } from '../catalog/catalog-context';
import { KioskServicesContext, type KioskServices } from './kiosk-services';
import { PreferencesContext, type Preferences } from './preferences';
import { ScreenSwitch } from './screen-switch';
import { ScreenWarmup } from './screen-warmup';

export function App({ services }: { services: KioskServices }) {
  const { config, kiosk } = services;
  const [journey, dispatch] = useReducer(journeyReducer, undefined, () => initialJourney());
  const [locale, setLocale] = useState<Locale>(config.locale);
  // The page paints before the device host has said the configuration; when its locale
  // arrives (or changes), a kiosk still waiting for a citizen takes it.
  const [configLocale, setConfigLocale] = useState<Locale>(config.locale);
  if (configLocale !== config.locale) {
    setConfigLocale(config.locale);
    if (journey.screen === 'attract') setLocale(config.locale);
  }
  const [elderly, setElderly] = useState(false);
  const [voiceOn, setVoiceOn] = useState(true);
  const [notice, setNotice] = useState<string | undefined>();
  const [warmedUp, setWarmedUp] = useState(false);
  const warmupDone = useCallback(() => {
    setWarmedUp(true);
    // Said on the page for whoever measures touches: the start's background work is over.
    document.documentElement.dataset.screensWarm = 'true';
  }, []);
  const voice = useMemo(() => createVoiceGuide(), []);
  // Set on the first screen effect below: Date.now() may not run during render.
  const lastActivity = useRef(0);

  const t = useMemo(() => translator(locale), [locale]);
  const preferences = useMemo<Preferences>(
    () => ({ locale, elderly, voice: voiceOn, t, setLocale, setElderly, setVoice: setVoiceOn }),
    [locale, elderly, voiceOn, t],
  );

  const endSession = useCallback(() => {
    // The privacy wipe: the journey (identity, form, photos) goes; so do the choices.
    dispatch({ type: 'reset' });
    voice.stop();
    setNotice(undefined);
    setLocale(config.locale);
    setElderly(false);
    setVoiceOn(true);
  }, [voice, config.locale]);

  const handle = useMemo<JourneyHandle>(
    () => ({ journey, dispatch, endSession }),
    [journey, endSession],
  );

  useEffect(() => {
    const touched = () => {
      lastActivity.current = Date.now();
    };
    window.addEventListener('pointerdown', touched, { capture: true, passive: true });
    window.addEventListener('keydown', touched, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', touched, { capture: true });
      window.removeEventListener('keydown', touched, { capture: true });
    };
  }, []);

  // Every new screen counts as activity: reading a new screen takes its own time.
  useEffect(() => {
    lastActivity.current = Date.now();
  }, [journey.screen]);

  const policy = useMemo(
    () => timerPolicy(config.idleTimeoutSeconds, elderly),
    [config.idleTimeoutSeconds, elderly],
  );

  const screen = journey.screen;
  useEffect(
    () =>
      kiosk.on('idcard.cardRemoved', () => {
        switch (cardRemovalEffect(screen)) {
          case 'notice':
            setNotice(t('notice.cardRemovedContinue'));
            break;
          case 'startCountdown':
            lastActivity.current = Date.now() - policy.idleSeconds * 1000;
            break;
          case 'ignore':
            break;
        }
      }),
    [kiosk, screen, t, policy],
  );

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.elderly = String(elderly);
  }, [locale, elderly]);

  const timed = screen !== 'attract';

  return (
    <KioskServicesContext.Provider value={services}>
      <PreferencesContext.Provider value={preferences}>
        <VoiceContext.Provider value={voice}>
          <CatalogProvider>
            <JourneyContext.Provider value={handle}>
              <div className={`shell screen-${screen}`}>
                <HeaderBar />
                <StatusBanner />
                {notice && (
                  <div className="notice-banner" role="status">
                    {notice}
                  </div>
                )}
                <main className="shell-main" key={journey.sessionNumber}>
                  {/* A screen whose code has not loaded yet (a touch very soon after start). */}
                  <Suspense fallback={null}>
                    <ScreenSwitch />
                  </Suspense>
                </main>
                <CaptionBar />
                {/* Once per start, while no one is using the kiosk (screen-warmup.tsx). */}
                {!warmedUp && <ScreenWarmup paused={screen !== 'attract'} onDone={warmupDone} />}
                {timed && (
                  <TimeoutWarning
                    key={`${journey.sessionNumber}-${screen}`}
                    lastActivity={lastActivity}
                    policy={policy}
                    onExpire={endSession}
                    onContinue={() => {
                      lastActivity.current = Date.now();
                    }}
                    onExit={endSession}
                  />
                )}
              </div>
            </JourneyContext.Provider>
          </CatalogProvider>
        </VoiceContext.Provider>
      </PreferencesContext.Provider>
    </KioskServicesContext.Provider>
  );
}
