import { Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import type { SyncHealthPort } from '../technician/sync-health-port';
import { afterNextPaint, whenIdle } from './after-paint';
import { App } from './app';
import type { KioskBoot } from './kiosk-boot';
import type { KioskServices } from './kiosk-services';
import { lazyComponent } from './lazy-component';
import { preloadScreens } from './screen-switch';
import { watchTechnicianEntry } from './technician-entry';

// Not in the first chunk: loaded in idle time after the citizen screens.
const TechnicianConsole = lazyComponent(() =>
  import('../technician/technician-console').then((m) => m.TechnicianConsole),
);

/** The citizen screens, or the technician console after a long press in the corner. */
export function KioskRoot({
  services,
  syncHealth,
}: {
  services: KioskServices;
  syncHealth?: SyncHealthPort | undefined;
}) {
  const [technician, setTechnician] = useState(false);
  useEffect(() => watchTechnicianEntry(window, () => setTechnician(true)), []);
  if (!technician) return <App services={services} />;
  return (
    <Suspense fallback={null}>
      <TechnicianConsole
        kiosk={services.kiosk}
        locale={services.config.locale}
        {...(syncHealth ? { syncHealth } : {})}
        onExit={() => {
          if (window.location.hash === '#technician')
            history.replaceState(null, '', window.location.pathname);
          setTechnician(false);
        }}
      />
    </Suspense>
  );
}

/**
 * The kiosk as it starts: the screens at once, on stand-ins for the services, and after the
 * first paint the real services, then the code of the screens to come.
 */
export function BootingKiosk({ boot }: { boot: KioskBoot }) {
  const { services, syncHealth } = useSyncExternalStore(boot.subscribe, boot.state);
  useEffect(
    () =>
      afterNextPaint(() => {
        void boot.start().catch(() => undefined);
        void preloadScreens().then(async () => {
          await whenIdle();
          await TechnicianConsole.preload().catch(() => undefined);
        });
      }),
    [boot],
  );
  return <KioskRoot services={services} syncHealth={syncHealth} />;
}
