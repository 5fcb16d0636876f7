import { memo, useEffect, useState } from 'react';
import type { ConnectionState } from '../../devices/bridge/contract';
import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import type { SyncStatus } from '../app/sync-port';

/**
 * Calm words about the network and the devices; never an error code. Both say nothing is
 * wrong until something is known to be (renderer/app/pending-kiosk.ts, pending-sync-port.ts):
 * the page paints before either has answered.
 */
export const StatusBanner = memo(function StatusBanner() {
  const { kiosk, sync } = useKioskServices();
  const { t } = usePreferences();
  const [connection, setConnection] = useState<ConnectionState>(() => kiosk.connection.state());
  const [status, setStatus] = useState<SyncStatus>(() => sync.status());
  useEffect(() => {
    // It may have changed between the first render and this subscription.
    setConnection(kiosk.connection.state());
    return kiosk.connection.onChange(setConnection);
  }, [kiosk]);
  useEffect(() => sync.onStatus(setStatus), [sync]);

  const lines: { key: string; text: string }[] = [];
  if (!status.online) lines.push({ key: 'offline', text: t('banner.offline') });
  if (connection === 'reconnecting')
    lines.push({ key: 'devices', text: t('banner.devicesReconnecting') });
  if (lines.length === 0) return null;
  return (
    <div className="status-banner" role="status">
      {lines.map((line) => (
        <p key={line.key}>
          <span className="status-dot" aria-hidden="true" />
          {line.text}
        </p>
      ))}
    </div>
  );
});
