import { createRoot } from 'react-dom/client';
import { createKioskBoot } from './app/kiosk-boot';
import { BootingKiosk } from './app/kiosk-root';
import './styles/kiosk.css';

const root = createRoot(document.getElementById('root')!);

// Screenshot and development runs without a device host: `vite` dev server, `?fake`.
// import.meta.env.DEV is false in a build, so none of this reaches production.
if (import.meta.env.DEV && new URLSearchParams(location.search).has('fake')) {
  void import('./dev/fake-services').then(async ({ fakeServices }) => {
    const { App } = await import('./app/app');
    root.render(<App services={fakeServices()} />);
  });
} else {
  // The attract screen paints from the bundle and the last known configuration; the device
  // bridge, the configuration and the sync engine follow (renderer/app/kiosk-boot.ts).
  root.render(<BootingKiosk boot={createKioskBoot()} />);
}
