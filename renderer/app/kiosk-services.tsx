// The outside world of the screens: the device bridge, the sync engine and the kiosk's
// configuration, injected so that every screen runs against fakes in tests.
import { createContext, useContext } from 'react';
import type { KioskApi, KioskConfig } from '../../devices/bridge/contract';
import type { SyncPort } from './sync-port';

export interface KioskServices {
  kiosk: KioskApi;
  sync: SyncPort;
  config: KioskConfig;
}

export const KioskServicesContext = createContext<KioskServices | null>(null);

export function useKioskServices(): KioskServices {
  const services = useContext(KioskServicesContext);
  if (!services) throw new Error('KioskServicesContext is not provided');
  return services;
}
