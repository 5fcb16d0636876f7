import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

// The demo's and the tests' hand on the simulated devices: put a card on the reader, scan a
// code, run the printer out of paper, read back what it printed. Loopback only, and only
// started in demo mode: a production kiosk has no such surface.

export interface SimulatorSet {
  idcard?: {
    placeCard(card: unknown): void;
    removeCard(): void;
    setFault(fault: string | null): void;
  };
  printer?: {
    setPaper(state: 'ok' | 'near-end' | 'out'): void;
    setCover(open: boolean): void;
    received(): unknown[];
    clear(): void;
    previewPng?(widthMm: 58 | 80): Buffer | Promise<Buffer>;
  };
  scanner?: { scan(text: string): void };
}

class BadRequest extends Error {}

/** A simulator's validation failure (zod) as `path: message`, anything else as its message. */
function describeError(error: unknown): string {
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> })?.issues;
  if (Array.isArray(issues))
    return issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  return error instanceof Error ? error.message : 'failed';
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new BadRequest('body too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new BadRequest('expected a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw error instanceof BadRequest ? error : new BadRequest('malformed JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json') {
  response.writeHead(status, {
    'content-type': type,
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  });
  response.end(type === 'application/json' ? JSON.stringify(body) : (body as Buffer));
}

export async function startSimulatorControl(options: { port: number; simulators: SimulatorSet }) {
  const { simulators } = options;
  const need = <T>(device: T | undefined, name: string): T => {
    if (!device) throw new BadRequest(`no simulated ${name} in this kiosk`);
    return device;
  };

  const route = async (
    method: string,
    path: string,
    request: IncomingMessage,
    url: URL,
  ): Promise<[number, unknown, string?]> => {
    switch (`${method} ${path}`) {
      case 'GET /':
        return [
          200,
          { devices: Object.keys(simulators).filter((k) => simulators[k as keyof SimulatorSet]) },
        ];
      case 'POST /idcard/card':
        need(simulators.idcard, 'ID card reader').placeCard(await readJson(request));
        return [200, { ok: true }];
      case 'DELETE /idcard/card':
        need(simulators.idcard, 'ID card reader').removeCard();
        return [200, { ok: true }];
      case 'POST /idcard/fault': {
        const { fault } = await readJson(request);
        need(simulators.idcard, 'ID card reader').setFault(
          typeof fault === 'string' ? fault : null,
        );
        return [200, { ok: true }];
      }
      case 'POST /scanner/scan': {
        const { text } = await readJson(request);
        if (typeof text !== 'string' || text.length === 0) throw new BadRequest('text is required');
        need(simulators.scanner, 'scanner').scan(text);
        return [200, { ok: true }];
      }
      case 'POST /printer/paper': {
        const { state } = await readJson(request);
        if (state !== 'ok' && state !== 'near-end' && state !== 'out')
          throw new BadRequest("state is one of 'ok', 'near-end', 'out'");
        need(simulators.printer, 'printer').setPaper(state);
        return [200, { ok: true }];
      }
      case 'POST /printer/cover': {
        const { open } = await readJson(request);
        if (typeof open !== 'boolean') throw new BadRequest('open is true or false');
        need(simulators.printer, 'printer').setCover(open);
        return [200, { ok: true }];
      }
      case 'GET /printer/output':
        return [200, need(simulators.printer, 'printer').received()];
      case 'DELETE /printer/output':
        need(simulators.printer, 'printer').clear();
        return [200, { ok: true }];
      case 'GET /printer/preview.png': {
        const printer = need(simulators.printer, 'printer');
        if (!printer.previewPng) throw new BadRequest('this printer simulator has no preview');
        const width = url.searchParams.get('width') === '58' ? 58 : 80;
        return [200, await printer.previewPng(width), 'image/png'];
      }
      default:
        return [404, { error: `no route ${method} ${path}` }];
    }
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    route(request.method ?? 'GET', url.pathname, request, url).then(
      ([status, body, type]) => send(response, status, body, type),
      (error: unknown) => send(response, 400, { error: describeError(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
