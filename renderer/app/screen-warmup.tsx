// The first citizen after the kiosk starts would meet every screen for the first time: its
// code run cold (compiled on first call), its font sizes loaded, its text shaped, each
// costing that touch a few hundred milliseconds on a slow kiosk. So while the attract screen
// waits, each later screen is rendered once where no one sees it (hidden, inert, outside the
// shell), on stand-ins that never answer: no card is read, nothing printed or sent, no
// voice. A touch on the attract screen pauses it at once, until the attract screen is back.
import { Component, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Identity, KioskApi } from '../../devices/bridge/contract';
import { unknownSyncStatus } from '../../sync/client/sync-status';
import type { Service } from '../catalog/catalog-model';
import { useCatalog } from '../catalog/catalog-context';
import {
  initialJourney,
  journeyReducer,
  type Journey,
  type JourneyAction,
} from '../session/journey';
import { JourneyContext, type JourneyHandle } from '../session/journey-context';
import { VoiceContext } from '../voice/voice-context';
import type { VoiceGuide } from '../voice/voice-guide';
import { afterNextPaint, whenIdle } from './after-paint';
import { KioskServicesContext, useKioskServices, type KioskServices } from './kiosk-services';
import { PreferencesContext, usePreferences, type Preferences } from './preferences';
import { ScreenSwitch, screensPreloaded } from './screen-switch';
import type { SyncPort } from './sync-port';

const noop = () => undefined;
const unsubscribed = () => noop;
const never = () => new Promise<never>(noop);

/** A bridge that is there and never answers: screens wait, as for a card not yet put down. */
const silentKiosk = new Proxy(
  { on: unsubscribed, connection: { state: () => 'connected', onChange: unsubscribed } },
  {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      if (typeof key !== 'string' || key === 'then') return undefined;
      return new Proxy({}, { get: () => never });
    },
  },
) as unknown as KioskApi;

const silentSync: SyncPort = {
  ready: never,
  submitApplication: never,
  deliveryState: never,
  onDelivery: unsubscribed,
  catalog: never,
  onCatalog: unsubscribed,
  lookupByReceipt: never,
  lookupByIdNumber: never,
  submitRating: never,
  status: () => unknownSyncStatus(true),
  syncNow: never,
  onStatus: unsubscribed,
};

/** Laid out at the kiosk's size like the real screen, but never painted nor touched. */
const HIDDEN: CSSProperties = {
  position: 'fixed',
  inset: 0,
  display: 'flex',
  flexDirection: 'column',
  visibility: 'hidden',
  pointerEvents: 'none',
  contain: 'strict',
  zIndex: -1,
};

const silentVoice: VoiceGuide = { speak: noop, stop: noop, onCaption: unsubscribed };

/** Made up, and matching no one: not a valid number, not a name in any test. */
const SAMPLE_IDENTITY: Identity = {
  cardType: 'resident',
  name: '样例',
  sex: 'female',
  birthDate: '1970-01-01',
  idNumber: '000000197001010000',
  idNumberValid: false,
};

/** The journeys that show each later screen once, on `service`. */
export function warmupJourneys(service: Service, now: string): Journey[] {
  const steps: JourneyAction[] = [
    { type: 'go', screen: 'catalog' },
    { type: 'chooseService', service },
    { type: 'go', screen: 'identify' },
    { type: 'identified', identity: SAMPLE_IDENTITY, source: 'card', prefill: {} },
    { type: 'go', screen: 'review' },
    {
      type: 'submitted',
      submitted: {
        result: {
          envelopeId: 'warmup',
          receiptNumber: 'WARMUP',
          kioskId: 'warmup',
          progressUrl: 'http://127.0.0.1/progress?receipt=WARMUP',
        },
        submittedAt: now,
        materialsSubmitted: [],
        materialsMissing: [],
      },
    },
    { type: 'go', screen: 'rating' },
    { type: 'go', screen: 'goodbye' },
  ];
  const journeys: Journey[] = [];
  let journey = initialJourney();
  for (const step of steps) journeys.push((journey = journeyReducer(journey, step)));
  journeys.push(journeyReducer(initialJourney(), { type: 'go', screen: 'progress' }));
  return journeys;
}

/** A screen that fails on stand-ins ends the warm-up quietly; it only ever saves time. */
class Quietly extends Component<{ children: ReactNode; onError(): void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch() {
    this.props.onError();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** Renders nothing while `paused` (a citizen is using the kiosk), and resumes after. */
export function ScreenWarmup({ paused, onDone }: { paused: boolean; onDone(): void }) {
  const { catalog } = useCatalog();
  const { config } = useKioskServices();
  const preferences = usePreferences();
  const [ready, setReady] = useState(false);
  const [stage, setStage] = useState(0);

  const service =
    catalog?.services.find((s) => s.kioskCapable && s.form.length > 0) ?? catalog?.services[0];
  const [startedAt] = useState(() => new Date().toISOString());
  const journeys = useMemo(
    () => (service ? warmupJourneys(service, startedAt) : []),
    [service, startedAt],
  );

  useEffect(() => {
    let live = true;
    void screensPreloaded().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  // One stage per frame, each in idle time: it must be laid out (a frame) to warm anything.
  useEffect(() => {
    if (paused || !ready || journeys.length === 0) return;
    if (stage >= journeys.length) {
      onDone();
      return;
    }
    let live = true;
    const cancel = afterNextPaint(
      () =>
        void whenIdle().then(() => {
          if (live) setStage((s) => s + 1);
        }),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [paused, ready, stage, journeys, onDone]);

  const services = useMemo<KioskServices>(
    () => ({ kiosk: silentKiosk, sync: silentSync, config }),
    [config],
  );
  const quietPreferences = useMemo<Preferences>(
    () => ({ ...preferences, voice: false, setLocale: noop, setElderly: noop, setVoice: noop }),
    [preferences],
  );
  const journey = journeys[stage];
  const handle = useMemo<JourneyHandle | undefined>(
    () => (journey ? { journey, dispatch: noop, endSession: noop } : undefined),
    [journey],
  );
  if (paused || !ready || !handle) return null;
  return createPortal(
    <div className="screen-warmup" style={HIDDEN} aria-hidden="true" inert>
      <KioskServicesContext.Provider value={services}>
        <PreferencesContext.Provider value={quietPreferences}>
          <VoiceContext.Provider value={silentVoice}>
            <JourneyContext.Provider value={handle}>
              <main className="shell-main">
                <Quietly onError={onDone}>
                  <ScreenSwitch />
                </Quietly>
              </main>
            </JourneyContext.Provider>
          </VoiceContext.Provider>
        </PreferencesContext.Provider>
      </KioskServicesContext.Provider>
    </div>,
    document.body,
  );
}
