import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import type { HostEventSource, HostHandlers } from '../bridge/host-api';
import { serveKiosk, type ServeOptions } from '../bridge/serve';
import { websocketPort, type WebSocketLike } from '../bridge/websocket-port';

export interface BridgeServerOptions {
  port: number;
  /** A secret of this launch, in the page's bridge URL: other local pages cannot drive the devices. */
  token: string;
  /** Origins allowed to connect (the kiosk page's); a browser always sends one. */
  allowedOrigins: string[];
  handlers: HostHandlers;
  events: HostEventSource;
  serve: ServeOptions;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Web mode's transport: the bridge on a loopback WebSocket. */
export async function startBridgeServer(
  options: BridgeServerOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const allowed = (request: IncomingMessage) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const token = url.searchParams.get('token') ?? '';
    const origin = request.headers.origin;
    return (
      sameSecret(token, options.token) &&
      (origin === undefined || options.allowedOrigins.includes(origin))
    );
  };
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port,
    maxPayload: 1024 * 1024,
    verifyClient: ({ req }: { req: IncomingMessage }) => allowed(req),
  });
  server.on('connection', (socket) => {
    const stop = serveKiosk(
      websocketPort(socket as unknown as WebSocketLike),
      options.handlers,
      options.events,
      options.serve,
    );
    socket.on('close', stop);
    socket.on('error', () => socket.close());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
