import type { ZodError } from 'zod';
import {
  KioskError,
  RequestMessage,
  events,
  isMethodName,
  methods,
  type WireError,
} from './contract';
import type { HostEventSource, HostHandlers } from './host-api';
import type { Port } from './port';

export interface ServeOptions {
  /** Checks an admin call's token; throws KioskError('UNAUTHORIZED') when it is not good. */
  verifyAdminToken(token: string): void;
  /** Told of handler failures that are not KioskErrors (bugs), without the arguments. */
  onInternalError?(method: string, error: unknown): void;
}

/**
 * Serves the contract on one port: validates each request against its schema, runs the
 * handler and answers; forwards host events. Never lets a bad message crash the host.
 */
export function serveKiosk(
  port: Port,
  handlers: HostHandlers,
  hostEvents: HostEventSource,
  options: ServeOptions,
): () => void {
  const unsubscribe = hostEvents.subscribe((event, payload) => {
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) {
      options.onInternalError?.(`event ${event}`, parsed.error);
      return;
    }
    trySend({ t: 'evt', event, payload: parsed.data });
  });

  function trySend(message: unknown) {
    try {
      port.send(message);
    } catch {
      // The renderer went away; its client reconnects and asks again.
    }
  }

  const offMessage = port.onMessage((raw) => {
    const request = RequestMessage.safeParse(raw);
    if (!request.success) {
      const id =
        typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number'
          ? raw.id
          : -1;
      if (id >= 0)
        trySend({
          t: 'res',
          id,
          ok: false,
          error: { code: 'INVALID_ARGUMENT', message: 'malformed request' },
        });
      return;
    }
    const { id, method, args } = request.data;
    void answer(method, args).then(
      (result) => trySend({ t: 'res', id, ok: true, result }),
      (error: unknown) => trySend({ t: 'res', id, ok: false, error: toWireError(method, error) }),
    );
  });

  async function answer(method: string, rawArgs: unknown): Promise<unknown> {
    if (!isMethodName(method)) throw new KioskError('UNKNOWN_METHOD', `unknown method: ${method}`);
    const spec = methods[method];
    const parsed = spec.args.safeParse(rawArgs ?? undefined);
    if (!parsed.success) {
      throw new KioskError(
        'INVALID_ARGUMENT',
        `invalid arguments for ${method}`,
        issuesOf(parsed.error),
      );
    }
    if ('admin' in spec && spec.admin) {
      options.verifyAdminToken((parsed.data as { token: string }).token);
    }
    const handler = handlers[method] as (args: unknown) => Promise<unknown>;
    const result = await handler(parsed.data);
    const checked = spec.result.safeParse(result);
    if (!checked.success) {
      throw new Error(`handler for ${method} returned a result outside the contract`);
    }
    return checked.data;
  }

  function toWireError(method: string, error: unknown): WireError {
    if (error instanceof KioskError) return error.toWire();
    options.onInternalError?.(method, error);
    return { code: 'INTERNAL', message: `internal error in ${method}` };
  }

  return () => {
    unsubscribe();
    offMessage();
  };
}

function issuesOf(error: ZodError) {
  // Paths and messages only: never echo the values, which may be personal data.
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
