import { createKioskClient, type KioskClient } from './client';
import type { HostEventSource, HostHandlers } from './host-api';
import { portPair } from './port';
import { serveKiosk, type ServeOptions } from './serve';

/** The bridge with host and renderer in one process: for unit tests of either side. */
export function inProcessKiosk(
  handlers: HostHandlers,
  hostEvents: HostEventSource,
  options: ServeOptions,
): KioskClient {
  return createKioskClient({
    connect: async () => {
      const [hostSide, rendererSide] = portPair();
      serveKiosk(hostSide, handlers, hostEvents, options);
      return rendererSide;
    },
  });
}
