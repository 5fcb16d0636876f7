import { useEffect, useState } from 'react';
import type { KioskApi } from '../../devices/bridge/contract';
import { applyHealth, applyHealthList, type HealthBoard } from './device-health-board';

/**
 * The live board of device roles while `active`: the host's list, then every
 * `devices.health` event, and the list again after the link to the host comes back
 * (events sent while it was away are lost).
 */
export function useDeviceBoard(kiosk: KioskApi, active: boolean): HealthBoard {
  const [board, setBoard] = useState<HealthBoard>({});
  useEffect(() => {
    if (!active) return;
    let live = true;
    const refresh = () => {
      kiosk.devices.list().then(
        (list) => {
          if (live) setBoard((current) => applyHealthList(current, list));
        },
        // HOST_UNAVAILABLE: the reconnection below lists again.
        () => undefined,
      );
    };
    const offHealth = kiosk.on('devices.health', (health) => {
      setBoard((current) => applyHealth(current, health));
    });
    const offConnection = kiosk.connection.onChange((state) => {
      if (state === 'connected') refresh();
    });
    refresh();
    return () => {
      live = false;
      offHealth();
      offConnection();
    };
  }, [kiosk, active]);
  return board;
}
