import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { SIM_FAULTS } from '../idcard/simulator';

// The demo's and the tests' hand on the simulated devices: put a card on the reader, scan a
// code, run the printer out of paper, read back what it printed. Loopback only, and only
// started in demo mode or by `budayang sim …`: a production kiosk has no such surface.
//
// The one control server of every simulator. The device host serves each device's routes
// under its name (/idcard/card, /printer/paper, /scanner/scan: the README's table); a
// standalone simulator serves its one device's routes both so and without the prefix
// (/card, /paper, /scan), as `budayang sim …` always has.

export interface SimulatorSet {
  idcard?: {
    placeCard(card: unknown): void;
    removeCard(): void;
    setFault(fault: (typeof SIM_FAULTS)[number] | null): void;
    readonly state?: object;
  };
  printer?: {
    setPaper(state: 'ok' | 'near-end' | 'out'): void;
    setCover(open: boolean): void;
    received(): unknown[];
    clear(): void;
    previewPng?(widthMm: 58 | 80, index?: number): Buffer | Promise<Buffer>;
    state?(): object;
  };
  scanner?: { scan(text: string, symbology?: string): void };
}

type Device = keyof SimulatorSet;

const DEVICE_NAMES: Record<Device, string> = {
  idcard: 'ID card reader',
  printer: 'printer',
  scanner: 'scanner',
};

const FaultBody = z.object({ fault: z.enum(SIM_FAULTS).nullable() });
const PaperBody = z.object({ state: z.enum(['ok', 'near-end', 'out']) });
const CoverBody = z.object({ open: z.boolean() });
const ScanBody = z.object({ text: z.string().min(1).max(4096), symbology: z.string().optional() });

const MAX_BODY = 64 * 1024;

class BadRequest extends Error {}

/** A validation failure (zod) as `path: message`, anything else as its message. */
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
    if (size > MAX_BODY) throw new BadRequest('body too large');
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

type Reply = [status: number, body: unknown, type?: string];

/** The reply to a change: `ok`, and the device's state where it tells one. */
const done = (state?: object): Reply => [200, { ok: true, ...state }];

/** `METHOD /path` within one device → its handler. */
type Routes = Record<string, (request: IncomingMessage, url: URL) => Promise<Reply> | Reply>;

function deviceRoutes(simulators: SimulatorSet): Record<Device, Routes> {
  const need = <D extends Device>(device: D): NonNullable<SimulatorSet[D]> => {
    const simulator = simulators[device];
    if (!simulator) throw new BadRequest(`no simulated ${DEVICE_NAMES[device]} in this kiosk`);
    return simulator;
  };
  return {
    idcard: {
      'GET /state': () => [200, need('idcard').state ?? {}],
      'POST /card': async (request) => {
        need('idcard').placeCard(await readJson(request));
        return done(need('idcard').state);
      },
      'DELETE /card': () => {
        need('idcard').removeCard();
        return done(need('idcard').state);
      },
      'POST /fault': async (request) => {
        const parsed = FaultBody.safeParse(await readJson(request));
        if (!parsed.success)
          throw new BadRequest(`fault must be one of ${SIM_FAULTS.join(', ')} or null`);
        need('idcard').setFault(parsed.data.fault);
        return done(need('idcard').state);
      },
    },
    printer: {
      'GET /state': () => [200, need('printer').state?.() ?? {}],
      'POST /paper': async (request) => {
        need('printer').setPaper(PaperBody.parse(await readJson(request)).state);
        return done(need('printer').state?.());
      },
      'POST /cover': async (request) => {
        need('printer').setCover(CoverBody.parse(await readJson(request)).open);
        return done(need('printer').state?.());
      },
      'GET /output': () => [200, need('printer').received()],
      'DELETE /output': () => {
        need('printer').clear();
        return done();
      },
      'GET /preview.png': async (_request, url) => {
        const printer = need('printer');
        if (!printer.previewPng) throw new BadRequest('this printer simulator has no preview');
        const width = url.searchParams.get('width') === '58' ? 58 : 80;
        const index = url.searchParams.get('index');
        const png = await printer.previewPng(width, index === null ? undefined : Number(index));
        return [200, png, 'image/png'];
      },
    },
    scanner: {
      'POST /scan': async (request) => {
        const body = ScanBody.parse(await readJson(request));
        need('scanner').scan(body.text, body.symbology);
        return done();
      },
    },
  };
}

function send(response: ServerResponse, [status, body, type = 'application/json']: Reply) {
  response.writeHead(status, {
    'content-type': type,
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  });
  response.end(type === 'application/json' ? JSON.stringify(body) : (body as Buffer));
}

export interface SimulatorControlOptions {
  /** 0: any free port. */
  port: number;
  simulators: SimulatorSet;
  /** A standalone simulator: its routes are served without the device prefix too. */
  standalone?: Device;
}

export async function startSimulatorControl(
  options: SimulatorControlOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const { simulators, standalone } = options;
  const routes = deviceRoutes(simulators);

  const route = async (method: string, path: string, request: IncomingMessage, url: URL) => {
    if (method === 'GET' && path === '/') {
      const devices = (Object.keys(simulators) as Device[]).filter((d) => simulators[d]);
      return [200, { devices }] satisfies Reply;
    }
    const [, prefix = '', rest = ''] = /^\/([^/]+)(\/.*)?$/.exec(path) ?? [];
    const [device, within] = Object.hasOwn(routes, prefix)
      ? [prefix as Device, rest]
      : [standalone, path];
    const handler = device ? routes[device][`${method} ${within}`] : undefined;
    if (!handler) return [404, { error: `no route ${method} ${path}` }] satisfies Reply;
    return handler(request, url);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    Promise.resolve()
      .then(() => route(request.method ?? 'GET', url.pathname, request, url))
      .then(
        (reply) => send(response, reply),
        (error: unknown) => send(response, [400, { error: describeError(error) }]),
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
