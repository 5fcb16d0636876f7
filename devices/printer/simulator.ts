// A receipt printer in software, on the device end of a ByteTransport: it answers DLE EOT
// and automatic status back like an Epson-compatible unit (or a Custom VKP80 for that
// profile), stops printing when the paper runs out or the cover opens, finishes the buffered
// job once the fault is cleared, and keeps every ticket it cut, decoded, for tests and for
// the demo's "what was printed" view.
import type { ByteTransport } from '../transport/transport';
import { parseCommand, type EscPosCommand } from './escpos-parser';
import { JobRecorder, summarise, type DecodedJob, type PrintedJob } from './printed-job';
import { renderPreview } from './preview';
import { printerProfiles, type PaperWidth, type PrinterProfile } from './profile';

export type PaperState = 'ok' | 'near-end' | 'out';

export interface ReceivedJob extends DecodedJob {
  at: string;
  /** False for a ticket cut short: paper ran out and the job was cancelled. */
  complete: boolean;
}

export interface PrinterSimulatorOptions {
  profile?: PrinterProfile;
  now?: () => Date;
}

export class PrinterSimulator {
  #transport: ByteTransport;
  readonly #profile: PrinterProfile;
  readonly #now: () => Date;
  readonly #recorder = new JobRecorder();
  readonly #jobs: Array<{ job: PrintedJob; decoded: ReceivedJob }> = [];
  readonly #detach: Array<() => void> = [];
  #buffer = new Uint8Array(0);
  #realtime: number[] = [];
  #paper: PaperState = 'ok';
  #linesLeft: number | undefined;
  #coverOpen = false;
  #cutterError = false;
  #powered = true;
  #autoStatus = false;
  #processing = false;

  constructor(transport: ByteTransport, options: PrinterSimulatorOptions = {}) {
    this.#transport = transport;
    this.#profile = options.profile ?? printerProfiles.epson;
    this.#now = options.now ?? (() => new Date());
    this.#detach.push(transport.onData((chunk) => this.#receive(chunk)));
  }

  /** Speaks over a new link (the demo's reconnect); paper, cover and output stay. */
  attach(transport: ByteTransport): void {
    this.detach();
    this.#transport = transport;
    this.#buffer = new Uint8Array(0);
    this.#detach.push(transport.onData((chunk) => this.#receive(chunk)));
  }

  get profile(): PrinterProfile {
    return this.#profile;
  }

  setPaper(state: PaperState): void {
    this.#paper = state;
    this.#linesLeft = undefined;
    this.#changed();
  }

  /** The roll ends after this many more printed lines: paper out in the middle of a job. */
  runOutAfterLines(lines: number): void {
    this.#linesLeft = lines;
  }

  setCover(open: boolean): void {
    this.#coverOpen = open;
    this.#changed();
  }

  setCutterError(error: boolean): void {
    this.#cutterError = error;
    this.#changed();
  }

  /** Powered off, the printer neither prints nor answers: the driver sees it offline. */
  setPower(on: boolean): void {
    this.#powered = on;
    if (on) this.#changed();
  }

  state(): {
    paper: PaperState;
    coverOpen: boolean;
    cutterError: boolean;
    powered: boolean;
    pendingBytes: number;
  } {
    return {
      paper: this.#paper,
      coverOpen: this.#coverOpen,
      cutterError: this.#cutterError,
      powered: this.#powered,
      pendingBytes: this.#buffer.length,
    };
  }

  received(): ReceivedJob[] {
    return this.#jobs.map((j) => j.decoded);
  }

  /** The page model of each ticket, for the preview. */
  printedJobs(): PrintedJob[] {
    return this.#jobs.map((j) => j.job);
  }

  clear(): void {
    this.#jobs.length = 0;
  }

  /** PNG of the last ticket (or of the one at `index`). */
  previewPng(paper: PaperWidth, index?: number): Buffer {
    const entry = this.#jobs.at(index ?? -1);
    return renderPreview(entry?.job ?? { lines: [], cut: false }, paper);
  }

  detach(): void {
    for (const d of this.#detach.splice(0)) d();
  }

  #receive(chunk: Uint8Array): void {
    if (!this.#powered) return;
    // Real-time commands act on arrival, ahead of whatever waits in the buffer; like the real
    // thing, the bytes stay in the stream and are skipped when processing reaches them.
    for (const b of chunk) this.#scanRealtime(b);
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer);
    joined.set(chunk, this.#buffer.length);
    this.#buffer = joined;
    this.#process();
  }

  #scanRealtime(b: number): void {
    const r = this.#realtime;
    if (r.length === 0) {
      if (b === 0x10) r.push(b);
      return;
    }
    if (r.length === 1) {
      if (b === 0x04 || b === 0x05) r.push(b);
      else r.length = b === 0x10 ? 1 : 0;
      return;
    }
    const kind = r[1];
    r.length = 0;
    if (kind === 0x04) this.#answerStatus(b);
    else if (kind === 0x05 && b === 0x02) this.#clearBuffer();
  }

  #blocked(): boolean {
    return !this.#powered || this.#paper === 'out' || this.#coverOpen || this.#cutterError;
  }

  #process(): void {
    // A status change raised while executing (paper ran out) must not re-enter the loop.
    if (this.#processing) return;
    this.#processing = true;
    let at = 0;
    try {
      while (!this.#blocked()) {
        const step = parseCommand(this.#buffer, at);
        if (step === 'incomplete') break;
        at += step.length;
        this.#execute(step.command);
      }
    } finally {
      this.#buffer = this.#buffer.slice(at);
      this.#processing = false;
    }
  }

  #execute(c: EscPosCommand): void {
    if (c.op === 'auto-status') {
      this.#autoStatus = c.mask !== 0;
      if (this.#autoStatus) this.#send(this.#autoStatusBytes());
      return;
    }
    if (c.op === 'transmit-status') {
      this.#send([this.#paperSensorByte()]);
      return;
    }
    const job = this.#recorder.apply(c);
    if (job) this.#keep(job, true);
    if (c.op === 'lf' || c.op === 'feed') this.#usePaper(c.op === 'feed' ? c.lines : 1);
  }

  #usePaper(lines: number): void {
    if (this.#linesLeft === undefined) return;
    this.#linesLeft -= lines;
    if (this.#linesLeft <= 0) {
      this.#linesLeft = undefined;
      this.#paper = 'out';
      this.#changed();
    }
  }

  #clearBuffer(): void {
    this.#buffer = new Uint8Array(0);
    const partial = this.#recorder.takeJob(false);
    if (partial) this.#keep(partial, false);
  }

  #keep(job: PrintedJob, complete: boolean): void {
    this.#jobs.push({
      job,
      decoded: { ...summarise(job), at: this.#now().toISOString(), complete },
    });
  }

  #changed(): void {
    if (!this.#powered) return;
    if (this.#autoStatus) this.#send(this.#autoStatusBytes());
    this.#process();
  }

  #answerStatus(n: number): void {
    const offline = this.#blocked();
    const near = this.#paper === 'near-end';
    const out = this.#paper === 'out';
    if (n === 0x14 && this.#profile.status.kind === 'custom-full') {
      this.#send([
        0x10,
        0x0f,
        (out ? 0x01 : 0) | (near ? 0x04 : 0),
        this.#coverOpen ? 0x03 : 0,
        0,
        this.#cutterError ? 0x01 : 0,
      ]);
      return;
    }
    const byte = {
      1: 0x12 | (offline ? 0x08 : 0),
      2: 0x12 | (this.#coverOpen ? 0x04 : 0) | (out ? 0x20 : 0) | (this.#cutterError ? 0x40 : 0),
      3: 0x12 | (this.#cutterError ? 0x08 : 0),
      4: 0x12 | (near ? 0x0c : 0) | (out ? 0x60 : 0),
    }[n];
    if (byte !== undefined) this.#send([byte]);
  }

  #paperSensorByte(): number {
    return (this.#paper === 'near-end' ? 0x03 : 0) | (this.#paper === 'out' ? 0x0c : 0);
  }

  #autoStatusBytes(): number[] {
    return [
      0x10 | (this.#blocked() ? 0x08 : 0) | (this.#coverOpen ? 0x20 : 0),
      this.#cutterError ? 0x08 : 0,
      this.#paperSensorByte(),
      0x00,
    ];
  }

  #send(bytes: number[]): void {
    this.#transport.write(Uint8Array.from(bytes)).catch(() => {
      // The driver end went away; the next connection asks again.
    });
  }
}
