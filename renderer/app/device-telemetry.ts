import type { DeviceHealth, KioskApi } from '../../devices/bridge/contract';
import type { DeviceReport } from '../../sync/protocol/telemetry';
import { whenIdle } from './after-paint';

// The fleet view learns each kiosk's devices from heartbeats: one when the kiosk starts, one
// whenever a device's health changes (a few seconds later, so a flapping cable sends one),
// and one every few minutes regardless.

const STATE: Record<DeviceHealth['state'], DeviceReport['state']> = {
  connected: 'ok',
  degraded: 'degraded',
  disconnected: 'fault',
  unconfigured: 'absent',
};

export function deviceReport(health: DeviceHealth): DeviceReport {
  const code = health.reason?.split(':')[0]?.trim();
  return {
    role: health.role,
    state: STATE[health.state],
    ...(health.model ? { model: health.model.slice(0, 80) } : {}),
    ...(code ? { code: code.slice(0, 60) } : {}),
    ...(health.reason ? { detail: health.reason.slice(0, 200) } : {}),
  };
}

export interface HeartbeatSink {
  recordHeartbeat(devices: DeviceReport[], appVersion: string): Promise<void>;
}

export function startDeviceTelemetry(
  kiosk: KioskApi,
  sink: HeartbeatSink,
  options: { everyMs?: number; settleMs?: number } = {},
): () => void {
  const everyMs = options.everyMs ?? 5 * 60_000;
  const settleMs = options.settleMs ?? 5_000;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let version = 'unknown';
  void kiosk.system.info().then(
    (info) => (version = info.version),
    () => undefined,
  );
  const beat = async () => {
    try {
      // Counting the queues for the beat runs on the page's thread: not during a touch.
      await whenIdle();
      const devices = await kiosk.devices.list();
      await sink.recordHeartbeat(devices.map(deviceReport), version);
    } catch {
      // The device host is restarting or storage is full: the next beat says it.
    }
  };
  const soon = () => {
    clearTimeout(settle);
    settle = setTimeout(() => void beat(), settleMs);
  };
  soon();
  const timer = setInterval(() => void beat(), everyMs);
  const off = kiosk.on('devices.health', soon);
  return () => {
    clearTimeout(settle);
    clearInterval(timer);
    off();
  };
}
