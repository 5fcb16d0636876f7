import { afterEach, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { KioskError, type PrinterStatus, type ReceiptDocument } from '../bridge/contract';
import { memoryTransportPair } from '../transport/memory';
import type { ByteTransport } from '../transport/transport';
import { createPrinter, type Printer } from './printer';
import { printerProfiles, type PrinterProfile } from './profile';
import { PrinterSimulator } from './simulator';

const doc: ReceiptDocument = {
  blocks: [
    { kind: 'title', text: '受理回执' },
    { kind: 'kv', key: '申请人', value: '张*三' },
    { kind: 'qr', data: 'https://example.gov.cn/q?id=123' },
    { kind: 'text', text: '第一行' },
    { kind: 'text', text: '第二行' },
    { kind: 'text', text: '第三行' },
    { kind: 'cut' },
  ],
};

let printer: Printer | undefined;
afterEach(async () => {
  await printer?.stop();
  printer = undefined;
});

/** A printer wired to a simulator in memory; `plug()` gives a fresh link, as a replug would. */
function rig(profile: PrinterProfile = printerProfiles.epson) {
  let sim!: PrinterSimulator;
  let hostEnd!: ByteTransport;
  const plug = () => {
    const [host, device] = memoryTransportPair();
    const previous = sim;
    sim = new PrinterSimulator(device, { profile });
    if (previous) {
      sim.setPaper(previous.state().paper);
    }
    hostEnd = host;
    return host;
  };
  printer = createPrinter({
    open: async () => plug(),
    profile,
    pollIntervalMs: 20,
    replyTimeoutMs: 200,
    reopenIntervalMs: 20,
    jobTimeoutMs: 2000,
  });
  return { printer, sim: () => sim, hostEnd: () => hostEnd };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

const rejection = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KioskError);
  return error as KioskError;
};

describe('printer driver against the simulator', () => {
  for (const profile of Object.values(printerProfiles)) {
    it(`prints and reports the job done only once the printer took it (${profile.id})`, async () => {
      const { printer, sim } = rig(profile);
      await printer.start();
      expect(printer.status()).toMatchObject({ state: 'ready', online: true, paperOut: false });
      const result = await printer.print(doc);
      expect(result.bytes).toBeGreaterThan(50);
      const [job] = sim().received();
      expect(job?.complete).toBe(true);
      expect(job?.text).toContain('受理回执');
      expect(job?.qr).toEqual(['https://example.gov.cn/q?id=123']);
    });

    it(`maps paper and cover states (${profile.id})`, async () => {
      const { printer, sim } = rig(profile);
      await printer.start();
      const states: PrinterStatus['state'][] = [];
      printer.on('status', (s) => states.push(s.state));
      sim().setPaper('near-end');
      expect((await printer.refresh()).paperNearEnd).toBe(true);
      sim().setPaper('out');
      expect(await printer.refresh()).toMatchObject({ state: 'paper-out', paperOut: true });
      sim().setPaper('ok');
      sim().setCover(true);
      expect((await printer.refresh()).state).toBe('cover-open');
      sim().setCover(false);
      sim().setCutterError(true);
      expect((await printer.refresh()).state).toBe('cutter-error');
      expect(states).toEqual(
        expect.arrayContaining(['paper-near-end', 'paper-out', 'cover-open', 'cutter-error']),
      );
    });
  }

  it('fails a job on a printer out of paper, with that state, and prints nothing', async () => {
    const { printer, sim } = rig();
    await printer.start();
    sim().setPaper('out');
    const error = await rejection(printer.print(doc));
    expect(error.code).toBe('PRINTER_NOT_READY');
    expect(error.details).toEqual({ state: 'paper-out' });
    expect(sim().received()).toEqual([]);
  });

  it('fails a job when the paper runs out half-way, and the rest never comes out later', async () => {
    const { printer, sim } = rig();
    await printer.start();
    sim().runOutAfterLines(2);
    const error = await rejection(printer.print(doc));
    expect(error.details).toEqual({ state: 'paper-out' });
    await until(() => sim().received().length === 1);
    expect(sim().received()[0]).toMatchObject({ complete: false });
    sim().setPaper('ok');
    await printer.refresh();
    expect(sim().received()).toHaveLength(1);
    await printer.print(doc);
    expect(
      sim()
        .received()
        .map((j) => j.complete),
    ).toEqual([false, true]);
  });

  it('learns of a change from automatic status back without waiting for a poll', async () => {
    const [host, device] = memoryTransportPair();
    const sim = new PrinterSimulator(device);
    printer = createPrinter({ open: async () => host, pollIntervalMs: 60_000 });
    await printer.start();
    const seen = new Promise<PrinterStatus>((resolve) => printer!.on('status', resolve));
    sim.setCover(true);
    expect((await seen).state).toBe('cover-open');
  });

  it('is offline when the printer does not answer, and fails jobs with that state', async () => {
    const { printer, sim } = rig();
    await printer.start();
    sim().setPower(false);
    expect((await printer.refresh()).state).toBe('offline');
    expect((await rejection(printer.print(doc))).details).toEqual({ state: 'offline' });
    sim().setPower(true);
    expect((await printer.refresh()).state).toBe('ready');
  });

  it('reopens the link after it is lost', async () => {
    const { printer, hostEnd } = rig();
    const connections: boolean[] = [];
    printer.on('connection', (c) => connections.push(c.connected));
    await printer.start();
    const first = hostEnd();
    await first.close();
    await until(() => hostEnd() !== first && printer.connection().connected);
    await until(() => printer.status().state === 'ready');
    expect(connections).toEqual([true, false, true]);
    await printer.print(doc);
  });

  it('reports open failures as the reason and keeps trying', async () => {
    let attempts = 0;
    printer = createPrinter({
      open: async () => {
        attempts++;
        throw new Error('ENOENT: /dev/ttyUSB9');
      },
      reopenIntervalMs: 10,
    });
    await printer.start();
    expect(printer.connection()).toMatchObject({
      connected: false,
      reason: 'ENOENT: /dev/ttyUSB9',
    });
    expect(printer.status().state).toBe('offline');
    await until(() => attempts >= 3);
  });
});

describe('simulator preview', () => {
  it('draws the ticket at 58 and 80 mm with a QR code that scans', async () => {
    const { printer, sim } = rig();
    await printer.start();
    await printer.print(doc);
    for (const [paper, dots] of [
      [58, 384],
      [80, 576],
    ] as const) {
      const png = PNG.sync.read(sim().previewPng(paper));
      expect(png.width).toBe(dots + 32);
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(code?.data).toBe('https://example.gov.cn/q?id=123');
    }
  });
});
