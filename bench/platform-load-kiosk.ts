import { Agent, request } from 'node:http';
import { SimulatedKiosk } from '../sync/server/simulated-kiosk';
import type { UploadBatchResponse } from '../sync/protocol/intake';
import type { Envelope } from '../sync/protocol/envelope';
import { PATHS } from '../sync/protocol/routes';
import { citizenContent, SOCIAL_SECURITY_CARD } from '../test/support/citizen-application';

/**
 * One simulated kiosk of the load benchmark, in its own process: enrols, seals its
 * applications and serialises its batches ahead of time (sealing is the kiosk's cost, not
 * the platform's), then uploads them over keep-alive connections and, in a retry storm,
 * sends a share of the batches again. Every request is signed afresh (a new nonce, as a
 * real outbox does) and every response signature is checked, so the kiosk does per request
 * what a real one does and nothing more: node:http rather than fetch, which costs several
 * times the CPU per request on the cores the platform needs.
 */

interface Job {
  baseUrl: string;
  /** Where the batches go, when not to the platform that enrolled the kiosk (the HTTP floor). */
  uploadBaseUrl?: string;
  code: string;
  applications: number;
  batchSize: number;
  concurrency: number;
  retryShare: number;
}

const job = JSON.parse(process.argv[2]!) as Job;
const kiosk = await SimulatedKiosk.enrol(job.baseUrl, job.code, `bench ${process.pid}`);
const padding = '示范区人民路 100 号 '.repeat(40);
const envelopes: Envelope[] = [];
for (let i = 0; i < job.applications; i++) {
  const signatureId = crypto.randomUUID();
  const { envelope } = await kiosk.seal(
    SOCIAL_SECURITY_CARD,
    citizenContent(signatureId, {}, padding.slice(0, 190)),
    [{ id: signatureId, bytes: new Uint8Array([1]) }],
  );
  envelopes.push(envelope);
}
const envelopeBytes =
  envelopes.reduce((n, e) => n + JSON.stringify(e).length, 0) / envelopes.length;
const bodies: Buffer[] = [];
for (let i = 0; i < envelopes.length; i += job.batchSize)
  bodies.push(Buffer.from(JSON.stringify({ envelopes: envelopes.slice(i, i + job.batchSize) })));

const target = new URL(PATHS.applicationsBatch, job.uploadBaseUrl ?? job.baseUrl);
const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
}

function post(headers: Record<string, string>, body: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            raw: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

process.send!({ ready: true, envelopeBytes });
await new Promise<void>((resolve) => process.once('message', () => resolve()));

const latencies: number[] = [];
const outcomes: Record<string, number> = {};
let next = 0;
let errors = 0;
let unverified = 0;

async function send(body: Buffer): Promise<void> {
  for (;;) {
    const headers = await kiosk.sign('POST', PATHS.applicationsBatch, body);
    const started = performance.now();
    try {
      const reply = await post(headers, body);
      latencies.push(performance.now() - started);
      if (!(await kiosk.verifyResponse(reply.status, reply.headers, reply.raw))) unverified++;
      if (reply.status === 200) {
        const parsed = JSON.parse(reply.raw.toString('utf8')) as UploadBatchResponse;
        for (const r of parsed.results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
        return;
      }
    } catch {
      // a dropped connection: retry, as the real outbox would
    }
    errors++;
  }
}

async function worker(): Promise<void> {
  while (next < bodies.length) {
    const body = bodies[next++]!;
    await send(body);
    // The acknowledgement "got lost": the outbox sends the same batch again.
    if (Math.random() < job.retryShare) await send(body);
  }
}

const cpuBefore = process.cpuUsage();
const started = performance.now();
await Promise.all(Array.from({ length: job.concurrency }, worker));
const cpu = process.cpuUsage(cpuBefore);
agent.destroy();
process.send!({
  done: true,
  ms: performance.now() - started,
  cpuMs: (cpu.user + cpu.system) / 1000,
  latencies,
  outcomes,
  errors,
  unverified,
  ids: envelopes.map((e) => e.id),
});
process.exit(0);
