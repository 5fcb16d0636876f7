// A simulated SAM reader on the device end of a ByteTransport: it answers the protocol's
// commands for a synthetic card that a test, the demo or a technician places and removes,
// with the reply delays of docs/protocols/idcard-reader.md and the byte time of the serial
// line, and it injects faults on demand.
import { Buffer } from 'node:buffer';
import type { ByteTransport } from '../transport/transport';
import { encodeBaseInfo } from './base-info';
import { Commands, commandName } from './commands';
import { SamFrameDecoder } from './frame-decoder';
import { encodeReply, parseRequest, wireTimeMs, type Request } from './sam-frame';
import { SimCard, simCardText, syntheticPhoto, type SimCardInput } from './sim-card';
import { buildTextBlock } from './text-block';

export { SimCard, type SimCardInput } from './sim-card';

export const SIM_FAULTS = ['bad-checksum', 'stray-bytes', 'slow', 'silent', 'flaky-read'] as const;
/**
 * bad-checksum: every other reply has a wrong CHK. stray-bytes: noise before replies, which
 * also arrive in odd pieces. slow: replies near the doc's upper bounds. silent: no reply at
 * all. flaky-read: the first select and read of each card placement fail (81, 41).
 */
export type SimFault = (typeof SIM_FAULTS)[number];

export interface SimulatorOptions {
  /** Line speed whose byte time the simulator reproduces. */
  baudRate?: number;
  /**
   * Send replies at the pace of the line. Needed over a pty or in memory, which carry bytes
   * at once; off on a real serial line, where the UART paces them.
   */
  paceWire?: boolean;
  /** 'realistic': a reader's processing time before each reply; 'none': only wire time. */
  processing?: 'realistic' | 'none';
  /** For stray bytes and odd splits; seedable for reproducible tests. */
  random?: () => number;
}

type Reply = { sw3: number; data?: Uint8Array };

const PROCESSING_MS = {
  realistic: { find: 12, select: 25, read: 650, other: 5 },
  none: { find: 0, select: 0, read: 0, other: 0 },
  slow: { find: 95, select: 95, read: 1900, other: 50 },
};

const same = (r: Request, c: Request) => r.cmd === c.cmd && r.para === c.para;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class IdCardSimulator {
  private transport: ByteTransport | undefined;
  private detachTransport: (() => void)[] = [];
  private decoder = new SamFrameDecoder();
  private card: { simCard: SimCard; baseInfo: Uint8Array } | undefined;
  private fault: SimFault | null = null;
  private replies = 0;
  private flakyUsed = { select: false, read: false };
  private queue: Promise<void> = Promise.resolve();
  private readonly baudRate: number;
  private readonly paceWire: boolean;
  private readonly processing: 'realistic' | 'none';
  private readonly random: () => number;
  /** Requests seen, by command name, for tests and the benchmark. */
  readonly requestLog: { name: string; at: number }[] = [];

  constructor(transport: ByteTransport, options: SimulatorOptions = {}) {
    this.baudRate = options.baudRate ?? 115200;
    this.paceWire = options.paceWire ?? true;
    this.processing = options.processing ?? 'realistic';
    this.random = options.random ?? Math.random;
    this.attach(transport);
  }

  /** Speaks over a new transport, e.g. the pty that came back after an unplug. */
  attach(transport: ByteTransport): void {
    this.detach();
    this.transport = transport;
    this.decoder = new SamFrameDecoder();
    this.detachTransport = [
      transport.onData((chunk) => this.receive(chunk)),
      transport.onClose(() => this.detach()),
    ];
  }

  detach(): void {
    for (const off of this.detachTransport) off();
    this.detachTransport = [];
    this.transport = undefined;
  }

  placeCard(card: SimCardInput = {}): SimCard {
    const simCard = SimCard.parse(card);
    const photo = simCard.photoWlt
      ? Uint8Array.from(Buffer.from(simCard.photoWlt, 'base64'))
      : syntheticPhoto();
    const text = buildTextBlock(simCardText(simCard));
    this.card = { simCard, baseInfo: encodeBaseInfo({ text, photo }) };
    this.flakyUsed = { select: false, read: false };
    return simCard;
  }

  removeCard(): void {
    this.card = undefined;
  }

  setFault(fault: SimFault | null): void {
    this.fault = fault;
    this.replies = 0;
  }

  get state(): { card: boolean; fault: SimFault | null; attached: boolean } {
    return {
      card: this.card !== undefined,
      fault: this.fault,
      attached: this.transport !== undefined,
    };
  }

  private receive(chunk: Uint8Array): void {
    for (const event of this.decoder.push(chunk)) {
      if (event.kind !== 'frame') continue;
      const request = parseRequest(event.body);
      if (!request) continue;
      const arrived = performance.now();
      this.requestLog.push({ name: commandName(request), at: arrived });
      if (this.requestLog.length > 1000) this.requestLog.splice(0, 500);
      // The reader cannot start before the request's last byte would have come in.
      const requestWire = this.paceWire ? wireTimeMs(event.body.length + 8, this.baudRate) : 0;
      this.queue = this.queue.then(() => this.answer(request, arrived + requestWire));
    }
  }

  private async answer(request: Request, notBefore: number): Promise<void> {
    if (this.fault === 'silent') return;
    const reply = this.reply(request);
    const timing = this.fault === 'slow' ? PROCESSING_MS.slow : PROCESSING_MS[this.processing];
    const kind = same(request, Commands.findCard)
      ? 'find'
      : same(request, Commands.selectCard)
        ? 'select'
        : request.cmd === 0x30
          ? 'read'
          : 'other';
    const wait = notBefore + timing[kind] - performance.now();
    if (wait > 0.5) await sleep(wait);
    let frame = encodeReply({
      sw1: 0,
      sw2: 0,
      sw3: reply.sw3,
      data: reply.data ?? new Uint8Array(0),
    });
    this.replies++;
    if (this.fault === 'bad-checksum' && this.replies % 2 === 1) {
      frame = frame.slice();
      frame[frame.length - 1]! ^= 0x5a;
    }
    if (this.fault === 'stray-bytes') frame = concat(this.noise(), frame);
    await this.send(frame);
  }

  private reply(request: Request): Reply {
    const card = this.card;
    if (same(request, Commands.resetSam) || same(request, Commands.samStatus)) return { sw3: 0x90 };
    if (same(request, Commands.readSamId)) {
      return { sw3: 0x90, data: Uint8Array.from({ length: 16 }, (_, i) => i + 1) };
    }
    if (same(request, Commands.findCard)) {
      return card ? { sw3: 0x9f, data: new Uint8Array(4) } : { sw3: 0x80 };
    }
    if (same(request, Commands.selectCard)) {
      if (!card) return { sw3: 0x81 };
      if (this.fault === 'flaky-read' && !this.flakyUsed.select) {
        this.flakyUsed.select = true;
        return { sw3: 0x81 };
      }
      return { sw3: 0x90, data: new Uint8Array(8) };
    }
    if (same(request, Commands.readBaseInfo) || same(request, Commands.readWithFingerprint)) {
      if (!card) return { sw3: 0x41 };
      if (this.fault === 'flaky-read' && !this.flakyUsed.read) {
        this.flakyUsed.read = true;
        return { sw3: 0x41 };
      }
      if (same(request, Commands.readBaseInfo)) return { sw3: 0x90, data: card.baseInfo };
      // No fingerprints on a synthetic card: a zero-length third block.
      const withFingerprint = concat(
        card.baseInfo.subarray(0, 4),
        Uint8Array.of(0, 0),
        card.baseInfo.subarray(4),
      );
      return { sw3: 0x90, data: withFingerprint };
    }
    if (same(request, Commands.readNewestAddress)) return { sw3: 0x91 };
    if (request.cmd === 0x60 && request.para <= 4) return { sw3: 0x90 };
    return { sw3: 0x21 };
  }

  /** Stray bytes as captured from real readers: lone AA, a broken preamble, zeros. */
  private noise(): Uint8Array {
    const pieces = [
      Uint8Array.of(0xaa, 0x00),
      Uint8Array.of(0xaa, 0xaa, 0x96),
      Uint8Array.of(0x00),
      Uint8Array.of(0xff, 0xaa),
    ];
    const count = 1 + Math.floor(this.random() * 4);
    return concat(
      ...Array.from({ length: count }, () => pieces[Math.floor(this.random() * pieces.length)]!),
    );
  }

  /** Writes at the pace of the line, in the pieces a UART's FIFO would hand over. */
  private async send(frame: Uint8Array): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const odd = this.fault === 'stray-bytes';
    const start = performance.now();
    let sent = 0;
    while (sent < frame.length) {
      const size = odd ? 1 + Math.floor(this.random() * 64) : 64;
      const piece = frame.subarray(sent, Math.min(frame.length, sent + size));
      if (this.paceWire) {
        const due = start + wireTimeMs(sent + piece.length, this.baudRate) - performance.now();
        if (due > 1) await sleep(due);
      }
      if (this.transport !== transport) return;
      await transport.write(piece).catch(() => undefined);
      sent += piece.length;
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
