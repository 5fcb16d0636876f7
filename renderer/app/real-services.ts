// The kiosk's outside world, loaded after the attract screen has painted (a dynamic import
// from kiosk-boot.ts): the device bridge, the kiosk's configuration, and the sync engine
// with its database and worker. None of this code is in the first screen's JavaScript.
import type { KioskApi, KioskConfig } from '../../devices/bridge/contract';
import { installKioskBridge } from '../bridge/web-bridge';
import { createKioskSync } from '../../sync/client/service/kiosk-sync';
import type { SyncHealthPort } from '../technician/sync-health-port';
import { whenIdle } from './after-paint';
import { startDeviceTelemetry } from './device-telemetry';
import { kioskSyncPort } from './kiosk-sync-port';
import { firstConnection } from './pending-kiosk';
import { syncHealthOf } from './sync-health';
import type { SyncPort } from './sync-port';

export interface ServiceSink {
  kiosk(kiosk: KioskApi): void;
  /** The device host could not be reached (yet). */
  unreachable(): void;
  config(config: KioskConfig): void;
  sync(sync: SyncPort, health: SyncHealthPort): void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tries until it works: the device host restarts on its own, so wait calmly. */
async function untilItWorks<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch {
      await pause(Math.min(5000, 250 * 2 ** n));
    }
  }
}

export async function connectServices(sink: ServiceSink): Promise<void> {
  const kiosk = await untilItWorks(async () => {
    try {
      return await installKioskBridge(sink.unreachable);
    } catch (error) {
      sink.unreachable();
      throw error;
    }
  });
  sink.kiosk(kiosk);
  const config = await untilItWorks(async () => {
    await firstConnection(kiosk);
    return kiosk.config.get();
  });
  sink.config(config);
  const engine = createKioskSync({
    platformUrl: config.platformUrl,
    ...(config.enrolmentCode ? { enrolmentCode: config.enrolmentCode } : {}),
    label: config.roomName,
    whenIdle,
  });
  const sync = await kioskSyncPort(engine);
  sink.sync(sync, syncHealthOf(engine));
  // The platform may be away: the kiosk still starts, and the banner says so.
  void sync.ready().catch(() => undefined);
  startDeviceTelemetry(kiosk, engine);
}
