import { KioskError, type KioskApi } from '../devices/bridge/contract';

/**
 * contextBridge copies only the message of an Error that crosses into the page, so a
 * KioskError would arrive without its code. Calls exposed to the page reject instead with a
 * plain object { name, code, message, details }, which crosses whole; the renderer reads
 * `code`, whatever the transport.
 */
export function exposedKioskApi(api: KioskApi): KioskApi {
  const plain: Record<string, unknown> = { on: api.on, connection: { ...api.connection } };
  for (const [ns, members] of Object.entries(api)) {
    if (ns === 'on' || ns === 'connection') continue;
    const wrapped: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(
      members as Record<string, (args?: unknown) => Promise<unknown>>,
    )) {
      wrapped[name] = (args?: unknown) =>
        fn(args).catch((error: unknown) => {
          throw error instanceof KioskError
            ? {
                name: 'KioskError',
                code: error.code,
                message: error.message,
                details: error.details,
              }
            : { name: 'KioskError', code: 'INTERNAL', message: 'bridge failure' };
        });
    }
    plain[ns] = wrapped;
  }
  return plain as KioskApi;
}
