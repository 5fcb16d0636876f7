// A tiny loopback HTTP control for a standalone simulator, so a technician or a test can
// place and remove cards and inject faults:
//   POST /card {SimCard}   DELETE /card   POST /fault {"fault": "silent" | null}   GET /state
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { SIM_FAULTS, type IdCardSimulator } from './simulator';

const FaultBody = z.object({ fault: z.enum(SIM_FAULTS).nullable() });
const MAX_BODY = 64 * 1024;

export async function startSimControl(
  simulator: IdCardSimulator,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    handle(req)
      .then(([status, body]) => reply(status, body))
      .catch((error: unknown) => reply(400, { error: (error as Error).message }));
  });

  async function handle(req: IncomingMessage): Promise<[number, unknown]> {
    const route = `${req.method} ${new URL(req.url ?? '/', 'http://localhost').pathname}`;
    switch (route) {
      case 'GET /state':
        return [200, simulator.state];
      case 'POST /card': {
        simulator.placeCard((await readJson(req)) as Record<string, unknown>);
        return [200, simulator.state];
      }
      case 'DELETE /card':
        simulator.removeCard();
        return [200, simulator.state];
      case 'POST /fault': {
        const parsed = FaultBody.safeParse(await readJson(req));
        if (!parsed.success)
          return [400, { error: `fault must be one of ${SIM_FAULTS.join(', ')} or null` }];
        simulator.setFault(parsed.data.fault);
        return [200, simulator.state];
      }
      default:
        return [404, { error: `no route ${route}` }];
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) throw new Error('body too large');
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('body is not JSON');
  }
}
