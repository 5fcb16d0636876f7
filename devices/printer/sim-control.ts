// The loopback HTTP control of a standalone printer simulator (`budayang sim printer`):
//   POST /paper {"state": "ok" | "near-end" | "out"}   POST /cover {"open": true}
//   GET /output (decoded tickets)   DELETE /output   GET /preview.png?width=58|80[&index=n]
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { PrinterSimulator } from './simulator';

const PaperBody = z.object({ state: z.enum(['ok', 'near-end', 'out']) });
const CoverBody = z.object({ open: z.boolean() });
const MAX_BODY = 64 * 1024;

export async function startPrinterSimControl(
  simulator: PrinterSimulator,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 400, { error: (error as Error).message }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /state':
        return json(res, 200, simulator.state());
      case 'POST /paper':
        simulator.setPaper(PaperBody.parse(await readJson(req)).state);
        return json(res, 200, simulator.state());
      case 'POST /cover':
        simulator.setCover(CoverBody.parse(await readJson(req)).open);
        return json(res, 200, simulator.state());
      case 'GET /output':
        return json(res, 200, simulator.received());
      case 'DELETE /output':
        simulator.clear();
        return json(res, 200, { ok: true });
      case 'GET /preview.png': {
        const width = url.searchParams.get('width') === '58' ? 58 : 80;
        const index = url.searchParams.get('index');
        const png = simulator.previewPng(width, index === null ? undefined : Number(index));
        res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
        res.end(png);
        return;
      }
      default:
        return json(res, 404, { error: `no route ${req.method} ${url.pathname}` });
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

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new Error('malformed JSON');
  }
}
