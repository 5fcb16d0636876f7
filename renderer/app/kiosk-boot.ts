// The kiosk page's start: the attract screen paints at once from what the page already has
// (the bundle, the last known configuration), and the device bridge, the configuration and
// the sync engine come up behind it, each handed to the screens as it arrives.
import type { KioskConfig } from '../../devices/bridge/contract';
import type { SyncHealthPort } from '../technician/sync-health-port';
import type { KioskServices } from './kiosk-services';
import { pendingKiosk } from './pending-kiosk';
import { pendingSyncPort } from './pending-sync-port';
import { rememberConfig, startupConfig } from './startup-config';

export interface BootState {
  services: KioskServices;
  /** The sync engine's health for the technician console, once the engine is up. */
  syncHealth?: SyncHealthPort;
}

export interface KioskBoot {
  state(): BootState;
  subscribe(listener: () => void): () => void;
  /** Loads and connects the services; called once the first screen has painted. */
  start(): Promise<void>;
}

export function createKioskBoot(initialConfig: KioskConfig = startupConfig()): KioskBoot {
  const kiosk = pendingKiosk();
  const sync = pendingSyncPort();
  let state: BootState = {
    services: { kiosk: kiosk.api, sync: sync.port, config: initialConfig },
  };
  const listeners = new Set<() => void>();
  const update = (next: BootState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  let started: Promise<void> | undefined;
  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () =>
      (started ??= import('./real-services').then(({ connectServices }) =>
        connectServices({
          kiosk: kiosk.resolve,
          unreachable: kiosk.unreachable,
          config(config) {
            rememberConfig(config);
            update({ ...state, services: { ...state.services, config } });
          },
          sync(port, syncHealth) {
            sync.resolve(port);
            update({ ...state, syncHealth });
          },
        }),
      )),
  };
}
