// The device host process: owns the drivers and serves the bridge. In web mode the launcher
// runs it under a Supervisor and the renderer connects over a loopback WebSocket; in Electron
// it runs as a utilityProcess and the main process hands it a MessagePort per page load.
import { z } from 'zod';
import { HostEventHub } from '../bridge/host-api';
import { messagePortPort, type MessagePortLike } from '../bridge/message-port';
import { serveKiosk, type ServeOptions } from '../bridge/serve';
import { createDeviceHub } from './device-wiring';
import { kioskHostHandlers } from './kiosk-host';
import {
  loadSettings,
  RuntimeOptions,
  saveSettings,
  technicianPin,
  type KioskSettings,
} from './kiosk-settings';
import { startSimulatorControl } from './simulator-control';
import { TechnicianAuth } from './technician-auth';
import { startBridgeServer } from './websocket-server';

const HostLaunch = z.object({
  runtime: RuntimeOptions,
  transport: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('websocket'),
      bridgePort: z.number().int(),
      token: z.string().min(16),
      allowedOrigins: z.array(z.string()),
    }),
    z.object({ kind: z.literal('parent-port') }),
  ]),
});
export type HostLaunch = z.infer<typeof HostLaunch>;

interface ParentPort {
  on(
    event: 'message',
    listener: (event: { data: unknown; ports: MessagePortLike[] }) => void,
  ): void;
}

async function main() {
  const launch = HostLaunch.parse(JSON.parse(process.env.BUDAYANG_HOST ?? '{}'));
  const { runtime } = launch;
  let { settings } = await loadSettings(runtime.dataDir);
  const events = new HostEventHub();
  const devices = await createDeviceHub({ settings, runtime, events });
  const auth = new TechnicianAuth({ pin: technicianPin(settings) });
  const handlers = kioskHostHandlers({
    devices,
    auth,
    runtime,
    settings: () => settings,
    saveSettings: async (next: KioskSettings) => {
      await saveSettings(runtime.dataDir, next);
      settings = next;
    },
  });
  const serve: ServeOptions = {
    verifyAdminToken: (token) => auth.verify(token),
    // Method names only: arguments may carry personal data.
    onInternalError: (method, error) =>
      console.error(`[host] ${method} failed: ${(error as Error)?.message ?? String(error)}`),
  };

  const closers: Array<() => Promise<unknown>> = [() => devices.stop()];
  if (launch.transport.kind === 'websocket') {
    const bridge = await startBridgeServer({
      ...launch.transport,
      port: launch.transport.bridgePort,
      handlers,
      events,
      serve,
    });
    closers.push(() => bridge.close());
    console.log(`[host] bridge on 127.0.0.1:${bridge.port}`);
  } else {
    const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
    if (!parentPort) throw new Error('parent-port transport outside an Electron utility process');
    parentPort.on('message', ({ ports }) => {
      for (const port of ports) serveKiosk(messagePortPort(port), handlers, events, serve);
    });
  }
  if (runtime.demo && runtime.simulatorControlPort !== undefined) {
    const control = await startSimulatorControl({
      port: runtime.simulatorControlPort,
      simulators: devices.simulators?.() ?? {},
    });
    closers.push(() => control.close());
    console.log(`[host] simulator control on 127.0.0.1:${control.port}`);
  }

  const shutdown = async () => {
    await Promise.allSettled(closers.map((c) => c()));
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(`[host] could not start: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
