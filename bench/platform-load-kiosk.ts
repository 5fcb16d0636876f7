import { SimulatedKiosk } from '../sync/server/simulated-kiosk';
import type { UploadBatchResponse } from '../sync/protocol/intake';
import type { Envelope } from '../sync/protocol/envelope';

/**
 * One simulated kiosk of the load benchmark, in its own process: enrols, seals its
 * applications ahead of time (sealing is the kiosk's cost, not the platform's), then uploads
 * them in batches and, in a retry storm, sends a share of the batches again.
 */

interface Job {
  baseUrl: string;
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
    '000131150000',
    {
      form: {
        applicantName: '张三',
        applicantIdNumber: '11010519491231002X',
        reason: 'lost',
        phone: '13800138000',
        mailingAddress: padding.slice(0, 190),
        signature: signatureId,
      },
      identity: { name: '张三', idNumber: '11010519491231002X', address: padding.slice(0, 190) },
      materials: [],
      locale: 'zh-CN',
    },
    [{ id: signatureId, bytes: new Uint8Array([1]) }],
  );
  envelopes.push(envelope);
}
const envelopeBytes =
  envelopes.reduce((n, e) => n + JSON.stringify(e).length, 0) / envelopes.length;
process.send!({ ready: true, envelopeBytes });

await new Promise<void>((resolve) => process.once('message', () => resolve()));

const latencies: number[] = [];
const outcomes: Record<string, number> = {};
const batches: Envelope[][] = [];
for (let i = 0; i < envelopes.length; i += job.batchSize)
  batches.push(envelopes.slice(i, i + job.batchSize));
let next = 0;
let errors = 0;

async function send(batch: Envelope[]): Promise<void> {
  for (;;) {
    const started = performance.now();
    try {
      const response = await kiosk.request<UploadBatchResponse>('POST', '/v1/applications/batch', {
        envelopes: batch,
      });
      latencies.push(performance.now() - started);
      if (response.status === 200) {
        for (const r of response.body.results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
        return;
      }
    } catch {
      // a dropped connection: retry, as the real outbox would
    }
    errors++;
  }
}

async function worker(): Promise<void> {
  while (next < batches.length) {
    const batch = batches[next++]!;
    await send(batch);
    // The acknowledgement "got lost": the outbox sends the same batch again.
    if (Math.random() < job.retryShare) await send(batch);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: job.concurrency }, worker));
process.send!({
  done: true,
  ms: performance.now() - started,
  latencies,
  outcomes,
  errors,
  ids: envelopes.map((e) => e.id),
});
process.exit(0);
