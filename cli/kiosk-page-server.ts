import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { kioskCsp } from '../electron/content-security-policy';

export interface KioskPageServerOptions {
  port: number;
  root: string;
  /** Sources the page may connect to besides itself: the bridge, the platform, the simulators. */
  connectSources: () => string[];
  bridgeUrl: () => string;
}

/** Web mode serves the built renderer on loopback, and tells it where the bridge is. */
export async function startKioskPageServer(options: KioskPageServerOptions) {
  const app = Fastify({ logger: false });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', kioskCsp(options.connectSources()));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
  app.get('/kiosk-bridge.json', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { url: options.bridgeUrl() };
  });
  await app.register(fastifyStatic, { root: options.root, index: ['index.html'] });
  await app.listen({ port: options.port, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, url: `http://127.0.0.1:${port}/`, close: () => app.close() };
}
