import { lazy, Suspense, useEffect, useState } from 'react';
import type { SyncHealthPort } from '../technician/sync-health-port';
import { App } from './app';
import type { KioskServices } from './kiosk-services';
import { watchTechnicianEntry } from './technician-entry';

// Loaded only when a technician comes: citizens never download it.
const TechnicianConsole = lazy(() =>
  import('../technician/technician-console').then((m) => ({ default: m.TechnicianConsole })),
);

/** The citizen screens, or the technician console after a long press in the corner. */
export function KioskRoot({
  services,
  syncHealth,
}: {
  services: KioskServices;
  syncHealth?: SyncHealthPort;
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
