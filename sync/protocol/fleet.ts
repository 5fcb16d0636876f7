import { z } from 'zod';
import { DeviceReport, QueueDepth } from './telemetry';

export const FleetKiosk = z.object({
  kioskId: z.string(),
  label: z.string().optional(),
  receiptPrefix: z.string(),
  enrolledAt: z.iso.datetime({ offset: true }),
  revokedAt: z.iso.datetime({ offset: true }).optional(),
  lastSeenAt: z.iso.datetime({ offset: true }).optional(),
  appVersion: z.string().optional(),
  queueDepth: QueueDepth.optional(),
  /** Devices not `ok` in the last heartbeat. */
  faults: z.array(DeviceReport),
  applications: z.number().int().min(0),
});
export type FleetKiosk = z.infer<typeof FleetKiosk>;

export const Fleet = z.object({
  generatedAt: z.iso.datetime({ offset: true }),
  kiosks: z.array(FleetKiosk),
});
export type Fleet = z.infer<typeof Fleet>;
