import { z } from 'zod';

export const DeviceState = z.enum(['ok', 'degraded', 'fault', 'absent']);
export type DeviceState = z.infer<typeof DeviceState>;

export const DeviceReport = z.object({
  /** idcard, printer, a4-printer, scanner, camera, ups… */
  role: z.string().regex(/^[a-z0-9-]{1,32}$/),
  model: z.string().max(80).optional(),
  state: DeviceState,
  /** A driver error code such as `paper-out`; never personal data. */
  code: z.string().max(60).optional(),
  detail: z.string().max(200).optional(),
});
export type DeviceReport = z.infer<typeof DeviceReport>;

export const QueueDepth = z.object({
  envelopes: z.number().int().min(0),
  /** Sealed images on the kiosk: those still to send, and delivered ones until purged. */
  attachments: z.number().int().min(0),
  ratings: z.number().int().min(0),
  telemetry: z.number().int().min(0),
});
export type QueueDepth = z.infer<typeof QueueDepth>;

export const Heartbeat = z.object({
  at: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(40),
  uptimeSeconds: z.number().int().min(0),
  queueDepth: QueueDepth,
  devices: z.array(DeviceReport).max(32),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const TelemetryBatch = z.object({ heartbeats: z.array(Heartbeat).min(1).max(100) });
export type TelemetryBatch = z.infer<typeof TelemetryBatch>;

export const TelemetryAck = z.object({ stored: z.number().int() });
