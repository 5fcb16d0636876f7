import { createRoot } from 'react-dom/client';
import { installKioskBridge } from './bridge/web-bridge';
import { App } from './app/app';
import { KioskRoot } from './app/kiosk-root';
import { syncHealthOf } from './app/sync-health';
import { startDeviceTelemetry } from './app/device-telemetry';
import type { KioskServices } from './app/kiosk-services';
import type { SyncHealthPort } from './technician/sync-health-port';
import { kioskSyncPort } from './app/kiosk-sync-port';
import { createKioskSync } from './sync/kiosk-sync';
import './styles/kiosk.css';

const root = createRoot(document.getElementById('root')!);

function showBootMessage(text: string) {
  root.render(<p className="boot-message">{text}</p>);
}

async function realServices(): Promise<{ services: KioskServices; syncHealth: SyncHealthPort }> {
  const kiosk = await installKioskBridge();
  const config = await kiosk.config.get();
  const engine = createKioskSync({
    platformUrl: config.platformUrl,
    ...(config.enrolmentCode ? { enrolmentCode: config.enrolmentCode } : {}),
    label: config.roomName,
  });
  const sync = await kioskSyncPort(engine);
  // The platform may be away: the kiosk still starts, and the banner says so.
  void sync.ready().catch(() => undefined);
  startDeviceTelemetry(kiosk, engine);
  return { services: { kiosk, config, sync }, syncHealth: syncHealthOf(engine) };
}

async function boot() {
  // Screenshot and development runs without a device host: `vite` dev server, `?fake`.
  // import.meta.env.DEV is false in a build, so none of this reaches production.
  if (import.meta.env.DEV && new URLSearchParams(location.search).has('fake')) {
    const { fakeServices } = await import('./dev/fake-services');
    root.render(<App services={fakeServices()} />);
    return;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const { services, syncHealth } = await realServices();
      root.render(<KioskRoot services={services} syncHealth={syncHealth} />);
      return;
    } catch {
      // The device host restarts on its own; wait calmly and try again.
      showBootMessage('设备正在启动，请稍候…… Starting, please wait…');
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** attempt)));
    }
  }
}

void boot();
