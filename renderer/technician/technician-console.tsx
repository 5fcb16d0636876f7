import { useCallback, useEffect, useMemo, useReducer, useState, useSyncExternalStore } from 'react';
import { KioskError, type KioskApi } from '../../devices/bridge/contract';
import { systemClock, type ConsoleClock } from './console-clock';
import { ConfigPanel } from './config-panel';
import { summarizeBoard } from './device-health-board';
import { DeviceStatusPanel } from './device-status-panel';
import { DiscoveryPanel } from './discovery-panel';
import { formatDuration, secondsLeft } from './duration';
import { errorText, isSessionRejected } from './error-text';
import { IdcardTest } from './idcard-test';
import { PinPad } from './pin-pad';
import { PrinterTest } from './printer-test';
import { scanPreview } from './scan-preview';
import { ScannerTest, type LastScan } from './scanner-test';
import type { SyncHealthPort } from './sync-health-port';
import { SyncHealthPanel } from './sync-health-panel';
import { translator } from '../../domain/i18n/translator';
import type { Locale } from '../../domain/locale';
import { sessionCountdown, sessionReducer, signedOut } from './technician-session';
import { useDeviceBoard } from './use-device-board';
import './technician.css';

export interface TechnicianConsoleProps {
  kiosk: KioskApi;
  /** The outbox engine's health; without it the sync tab is not shown. */
  syncHealth?: SyncHealthPort;
  /** The kiosk's locale; the technician may switch for this visit. */
  locale: Locale;
  /** Back to the citizen screens. The session's token is revoked on the way out. */
  onExit(): void;
  /** Injected in tests; the system clock otherwise. */
  clock?: ConsoleClock;
}

type Tab = 'devices' | 'tests' | 'sync' | 'config';

const reduceSession = sessionReducer();

function useConnectionState(kiosk: KioskApi) {
  const subscribe = useCallback(
    (changed: () => void) => kiosk.connection.onChange(() => changed()),
    [kiosk],
  );
  return useSyncExternalStore(subscribe, () => kiosk.connection.state());
}

function Banner({ text, tone }: { text: string; tone: 'warn' | 'info' }) {
  return (
    <div className={`tech-banner tech-banner-${tone}`} role={tone === 'warn' ? 'alert' : 'status'}>
      {text}
    </div>
  );
}

export function TechnicianConsole({
  kiosk,
  syncHealth,
  locale: kioskLocale,
  onExit,
  clock = systemClock,
}: TechnicianConsoleProps) {
  const [locale, setLocale] = useState<Locale>(kioskLocale);
  const t = useMemo(() => translator(locale), [locale]);
  const [session, dispatch] = useReducer(reduceSession, signedOut);
  const [tab, setTab] = useState<Tab>('devices');
  const [lastScan, setLastScan] = useState<LastScan | undefined>();
  const connection = useConnectionState(kiosk);

  const token = session.phase === 'signed-in' ? session.token : undefined;
  const signedIn = token !== undefined;
  const nowMs = session.phase === 'signed-in' ? session.nowMs : clock.now();
  const board = useDeviceBoard(kiosk, signedIn);

  // However the session ends (button, idle, expiry, leaving the console), the host forgets
  // the token too, so it cannot be replayed from this screen.
  useEffect(() => {
    if (!token) return;
    return () => {
      kiosk.technician.logout({ token }).catch(() => undefined);
    };
  }, [kiosk, token]);

  useEffect(() => {
    if (!signedIn) return;
    return clock.every(1000, () => dispatch({ type: 'tick', now: clock.now() }));
  }, [clock, signedIn]);

  useEffect(() => {
    if (!signedIn) return;
    return kiosk.on('scanner.scanned', (scan) => {
      // Only the masked preview is kept; the scanned text itself is dropped here.
      setLastScan({
        preview: scanPreview(scan.text),
        atMs: clock.now(),
        ...(scan.symbology ? { symbology: scan.symbology } : {}),
      });
    });
  }, [kiosk, clock, signedIn]);

  const admin = useCallback(
    <T,>(call: (token: string) => Promise<T>): Promise<T> => {
      if (!token) return Promise.reject(new KioskError('UNAUTHORIZED', 'signed out'));
      return call(token).catch((error: unknown) => {
        if (isSessionRejected(error)) dispatch({ type: 'rejected' });
        throw error;
      });
    },
    [token],
  );
  const describeError = useCallback((error: unknown) => errorText(error, t, 'action'), [t]);
  const touched = () => {
    if (signedIn) dispatch({ type: 'touch', now: clock.now() });
  };

  const countdown = sessionCountdown(session);
  const attention = summarizeBoard(board).attention.length;
  const tabs: Tab[] = syncHealth
    ? ['devices', 'tests', 'sync', 'config']
    : ['devices', 'tests', 'config'];

  return (
    <div
      className="tech-console"
      lang={locale}
      onPointerDownCapture={touched}
      onKeyDownCapture={touched}
    >
      <header className="tech-header">
        <h1 className="tech-title">{t('console.title')}</h1>
        <div className="tech-header-actions">
          <button
            type="button"
            className="tech-button tech-button-quiet"
            lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
            onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
          >
            {t('locale.other')}
          </button>
          {signedIn ? (
            <button
              type="button"
              className="tech-button tech-button-quiet"
              onClick={() => dispatch({ type: 'logout' })}
            >
              {t('console.logout')}
            </button>
          ) : null}
          <button type="button" className="tech-button tech-button-quiet" onClick={onExit}>
            {t('console.exit')}
          </button>
        </div>
      </header>

      {connection === 'reconnecting' ? (
        <Banner tone="warn" text={t('connection.reconnecting')} />
      ) : null}
      {countdown?.warn ? (
        <Banner
          tone="warn"
          text={t(countdown.endsBy === 'idle' ? 'session.warnIdle' : 'session.warnExpiry', {
            time: formatDuration(secondsLeft(countdown.remainingMs) * 1000, t),
          })}
        />
      ) : null}

      {session.phase === 'signed-out' ? (
        <main className="tech-main tech-main-login">
          <PinPad
            t={t}
            kiosk={kiosk}
            {...(session.reason ? { notice: t(`signout.${session.reason}`) } : {})}
            onSignedIn={(login) => {
              setLastScan(undefined);
              setTab('devices');
              dispatch({ type: 'login', ...login, now: clock.now() });
            }}
          />
        </main>
      ) : (
        <>
          <nav className="tech-tabs" role="tablist" aria-label={t('console.title')}>
            {tabs.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tech-tab-${id}`}
                aria-selected={tab === id}
                aria-controls="tech-tabpanel"
                className={`tech-tab ${tab === id ? 'tech-tab-selected' : ''}`}
                onClick={() => setTab(id)}
              >
                {t(`tab.${id}`)}
                {id === 'devices' && attention > 0 ? (
                  <span className="tech-count">{attention}</span>
                ) : null}
              </button>
            ))}
          </nav>
          <main
            className="tech-main"
            role="tabpanel"
            id="tech-tabpanel"
            aria-labelledby={`tech-tab-${tab}`}
          >
            {tab === 'devices' ? (
              <>
                <DeviceStatusPanel t={t} board={board} nowMs={nowMs} />
                <DiscoveryPanel
                  t={t}
                  board={board}
                  describeError={describeError}
                  discover={() => admin((tk) => kiosk.devices.discover({ token: tk }))}
                />
              </>
            ) : null}
            {tab === 'tests' ? (
              <section className="tech-panel" aria-labelledby="tech-tests-title">
                <h2 id="tech-tests-title" className="tech-panel-title">
                  {t('tab.tests')}
                </h2>
                <div className="tech-test-grid">
                  <IdcardTest t={t} kiosk={kiosk} now={clock.now} describeError={describeError} />
                  <PrinterTest
                    t={t}
                    kiosk={kiosk}
                    describeError={describeError}
                    printTestPage={() => admin((tk) => kiosk.printer.printTestPage({ token: tk }))}
                  />
                  <ScannerTest t={t} nowMs={nowMs} {...(lastScan ? { last: lastScan } : {})} />
                </div>
              </section>
            ) : null}
            {tab === 'sync' && syncHealth ? (
              <SyncHealthPanel t={t} port={syncHealth} nowMs={nowMs} />
            ) : null}
            {tab === 'config' ? (
              <ConfigPanel
                t={t}
                kiosk={kiosk}
                describeError={describeError}
                saveConfig={(patch) => admin((tk) => kiosk.config.set({ token: tk, patch }))}
              />
            ) : null}
          </main>
        </>
      )}
    </div>
  );
}
