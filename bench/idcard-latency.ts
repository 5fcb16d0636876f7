// Benchmark: from a card placed in the simulator to the identity event in the driver, at
// 115200 baud over a pty, beside the wire time of the frames exchanged; and the decoder's
// frames per second. Prints medians of several runs and ratios against baselines measured
// in the same process. Run: npx tsx bench/idcard-latency.ts
import { encodeBaseInfo } from '../devices/idcard/base-info';
import { Commands } from '../devices/idcard/commands';
import { SamFrameDecoder } from '../devices/idcard/frame-decoder';
import { createIdCardReader } from '../devices/idcard/reader';
import { checksum, encodeReply, encodeRequest, wireTimeMs } from '../devices/idcard/sam-frame';
import { IdCardSimulator } from '../devices/idcard/simulator';
import { openSerial } from '../devices/transport/serial';
import type { ByteTransport } from '../devices/transport/transport';
import { createPtyPair } from '../test/support/pty';

const BAUD = 115200;
const RUNS = Number(process.env.RUNS ?? 9);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Frames of one read: find, select, base info; requests and replies.
const exchanged = [
  encodeRequest(Commands.findCard).length +
    encodeReply({ sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) }).length,
  encodeRequest(Commands.selectCard).length +
    encodeReply({ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(8) }).length,
  encodeRequest(Commands.readBaseInfo).length +
    encodeReply({ sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(4 + 256 + 1024) }).length,
];
const wireBytes = exchanged.reduce((a, b) => a + b, 0);
const wireMs = wireTimeMs(wireBytes, BAUD);

/**
 * Baseline: the same three exchanges with nothing but the pty, serialport and the
 * simulator's pacing: write each request, wait for the reply's byte count, no decoding.
 */
async function baselineRun(host: ByteTransport): Promise<number> {
  const replyLengths = [15, 19, 1295];
  const requests = [Commands.findCard, Commands.selectCard, Commands.readBaseInfo];
  const start = performance.now();
  for (let i = 0; i < 3; i++) {
    let got = 0;
    const done = new Promise<void>((resolve) => {
      const off = host.onData((chunk) => {
        got += chunk.length;
        if (got >= replyLengths[i]!) {
          off();
          resolve();
        }
      });
    });
    await host.write(encodeRequest(requests[i]!));
    await done;
  }
  return performance.now() - start;
}

async function latency() {
  const pty = await createPtyPair();
  const simEnd = await openSerial({ path: pty.b, baudRate: BAUD });
  const sim = new IdCardSimulator(simEnd, { baudRate: BAUD, processing: 'none' });

  const baseline: number[] = [];
  {
    const host = await openSerial({ path: pty.a, baudRate: BAUD });
    sim.placeCard();
    await baselineRun(host); // warm-up
    for (let i = 0; i < RUNS; i++) baseline.push(await baselineRun(host));
    sim.removeCard();
    await host.close();
  }

  const reader = createIdCardReader({ open: () => openSerial({ path: pty.a, baudRate: BAUD }) });
  reader.start();
  await new Promise<void>((resolve) => {
    const off = reader.on('state', (s) => s.state === 'idle' && (off(), resolve()));
  });
  const exchange: number[] = [];
  const endToEnd: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await sleep(100 + Math.random() * 300);
    const placed = performance.now();
    const present = new Promise<number>((resolve) => {
      const off = reader.on('card-present', () => (off(), resolve(performance.now())));
    });
    sim.placeCard();
    const at = await present;
    const find = sim.requestLog.find((r) => r.name === 'findCard' && r.at >= placed);
    const removed = new Promise<void>((resolve) => {
      const off = reader.on('card-removed', () => (off(), resolve()));
    });
    sim.removeCard();
    await removed;
    if (i === 0 || !find) continue; // warm-up
    exchange.push(at - find.at);
    endToEnd.push(at - placed);
  }
  await reader.stop();
  await simEnd.close();
  await pty.close();

  const m = median(exchange);
  console.log(`ID card read at ${BAUD} baud over a pty, ${RUNS} runs`);
  console.log(`  wire time of the frames exchanged (${wireBytes} bytes): ${fmt(wireMs)}`);
  console.log(
    `  find that saw the card → identity event, median: ${fmt(m)}  (above wire: ${fmt(m - wireMs)}; target ≤ 20 ms)`,
  );
  console.log(
    `  card placed → identity event (includes the wait for the next 300 ms poll), median: ${fmt(median(endToEnd))}`,
  );
  console.log(`  baseline (bare pty exchange, no driver), median: ${fmt(median(baseline))}`);
  console.log(`  ratio driver / baseline: ${(m / median(baseline)).toFixed(3)}`);
}

function decoderThroughput() {
  const text = new Uint8Array(256).fill(0x20);
  const frame = encodeReply({
    sw1: 0,
    sw2: 0,
    sw3: 0x90,
    data: encodeBaseInfo({ text, photo: new Uint8Array(1024).map((_, i) => i * 7) }),
  });
  const framesPerRun = 2000;
  const stream = new Uint8Array(frame.length * framesPerRun);
  for (let i = 0; i < framesPerRun; i++) stream.set(frame, i * frame.length);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < stream.length; at += 64) chunks.push(stream.subarray(at, at + 64));

  const decoderRates: number[] = [];
  const baselineRates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const decoder = new SamFrameDecoder();
    let frames = 0;
    let t = performance.now();
    for (const chunk of chunks)
      for (const e of decoder.push(chunk)) if (e.kind === 'frame') frames++;
    decoderRates.push(frames / ((performance.now() - t) / 1000));
    // Baseline: the least any decoder must do, one XOR pass over the same chunks.
    let sink = 0;
    t = performance.now();
    for (const chunk of chunks) sink ^= checksum(chunk);
    baselineRates.push(framesPerRun / ((performance.now() - t) / 1000));
    if (sink === 0x100) console.log('');
  }
  const d = median(decoderRates);
  const b = median(baselineRates);
  console.log(`SAM frame decoder, 1,295-byte base-info frames in 64-byte chunks, ${RUNS} runs`);
  console.log(
    `  decoder, median: ${Math.round(d).toLocaleString('en')} frames/s (${((d * frame.length) / 1e6).toFixed(1)} MB/s)`,
  );
  console.log(`  baseline (XOR pass only), median: ${Math.round(b).toLocaleString('en')} frames/s`);
  console.log(`  ratio decoder / baseline: ${(d / b).toFixed(3)}`);
}

decoderThroughput();
await latency();
