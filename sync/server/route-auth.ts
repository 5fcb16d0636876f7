import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from './clock';
import type { Database } from './database';
import { touchKiosk } from './fleet-telemetry';
import type { KioskAuthenticator } from './kiosk-auth';
import type { KioskRecord } from './kiosk-registry';
import { isOperatorToken } from './operator-tokens';
import { ProblemError } from './problem-error';

/**
 * Who may call a route: a route says `kiosk` or `operator` in its config, and one hook checks
 * it before the handler runs, so no handler can forget to.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: 'kiosk' | 'operator';
  }
  interface FastifyRequest {
    kiosk?: KioskRecord;
  }
}

export const KIOSK_ROUTE = { config: { auth: 'kiosk' as const } };
export const OPERATOR_ROUTE = { config: { auth: 'operator' as const } };

/** The kiosk that signed the request; only on a `KIOSK_ROUTE`, where the hook has set it. */
export function kioskOf(request: FastifyRequest): KioskRecord {
  return request.kiosk!;
}

const LAST_SEEN_INTERVAL_MS = 30_000;

/**
 * Last seen is written at most once per interval per kiosk: a busy kiosk would otherwise
 * write its row with every request.
 */
function lastSeenWriter(db: Database): (kioskId: string, now: number) => Promise<void> {
  const lastTouched = new Map<string, number>();
  return async (kioskId, now) => {
    if (now - (lastTouched.get(kioskId) ?? 0) <= LAST_SEEN_INTERVAL_MS) return;
    lastTouched.set(kioskId, now);
    await touchKiosk(db, kioskId, now);
  };
}

export function installRouteAuth(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; auth: KioskAuthenticator },
): void {
  const { db, clock, auth } = deps;
  const touch = lastSeenWriter(db);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const required = request.routeOptions.config.auth;
    if (required === 'kiosk') {
      const kiosk = await auth.authenticate({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.rawBody ?? new Uint8Array(),
      });
      request.kiosk = kiosk;
      request.log = request.log.child({ kioskId: kiosk.id });
      await touch(kiosk.id, clock.now());
    } else if (required === 'operator') {
      if (!(await isOperatorToken(db, request.headers.authorization)))
        throw new ProblemError(
          'operator-unauthorized',
          401,
          'send Authorization: Bearer <operator token>',
        );
    }
  });
}
