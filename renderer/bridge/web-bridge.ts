import { createKioskClient } from '../../devices/bridge/client';
import type { KioskApi } from '../../devices/bridge/contract';
import { websocketPort } from '../../devices/bridge/websocket-port';

/** Where web mode's launcher says the device host listens; served next to index.html. */
interface BridgeDescriptor {
  url: string;
}

function openSocket(url: string) {
  return new Promise<ReturnType<typeof websocketPort>>((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => resolve(websocketPort(socket)), { once: true });
    socket.addEventListener('error', () => reject(new Error('bridge socket failed')), {
      once: true,
    });
  });
}

/**
 * The browser shim: builds `window.kiosk` on a WebSocket to the device host. In Electron
 * the preload has already put `window.kiosk` there, and this does nothing.
 */
export async function installKioskBridge(
  /** Told each time the socket could not be opened: the device host is not there. */
  onConnectFailed: () => void = () => undefined,
): Promise<KioskApi> {
  if (window.kiosk) return window.kiosk;
  const response = await fetch('./kiosk-bridge.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`kiosk-bridge.json: HTTP ${response.status}`);
  const descriptor = (await response.json()) as BridgeDescriptor;
  const client = createKioskClient({
    connect: () =>
      openSocket(descriptor.url).catch((error: unknown) => {
        onConnectFailed();
        throw error;
      }),
  });
  window.kiosk = client.api;
  return client.api;
}
