import { z } from 'zod';

/** Messages between the renderer's main thread and the sync worker (a structured-clone boundary). */
export const ToWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), dbName: z.string(), platformUrl: z.string() }),
  z.object({ type: z.literal('kick'), force: z.boolean().default(false) }),
  z.object({ type: z.literal('link'), up: z.boolean() }),
  z.object({ type: z.literal('stop') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const DeliveryStateSchema = z.enum(['queued', 'sending', 'acked', 'quarantined']);

export const EngineStateSchema = z.object({
  online: z.boolean(),
  draining: z.boolean(),
  lastSuccessAt: z.number().optional(),
  lastError: z.string().optional(),
});
export type EngineStateMessage = z.infer<typeof EngineStateSchema>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('delivery'),
    changes: z.array(z.object({ id: z.string(), state: DeliveryStateSchema })),
  }),
  z.object({ type: z.literal('catalog'), version: z.number() }),
  z.object({ type: z.literal('engine'), state: EngineStateSchema }),
  z.object({ type: z.literal('fatal'), message: z.string() }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
