// The printer driver against the printer simulator over real pseudo-terminals (socat).
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerPrinterCommands } from '../../cli/commands/printer';
import { runPrinterSimulator } from '../../cli/commands/sim-printer';
import { KioskError } from '../../devices/bridge/contract';
import { acceptanceReceiptDocument } from '../../devices/printer/acceptance-receipt';
import { createPrinter, type Printer } from '../../devices/printer/printer';
import { PrinterSimulator } from '../../devices/printer/simulator';
import { openSerial } from '../../devices/transport/serial';
import type { ByteTransport } from '../../devices/transport/transport';
import { sampleReceipt } from '../support/acceptance-receipt';
import { createPtyPair, type PtyPair } from '../support/pty';

const receipt = acceptanceReceiptDocument(
  sampleReceipt({ serviceName: '居住证申领', materialsSubmitted: ['居民身份证', '租赁合同'] }),
);

describe.sequential('printer over a serial line', () => {
  let pty: PtyPair;
  let device: ByteTransport;
  let sim: PrinterSimulator;
  let printer: Printer;

  beforeAll(async () => {
    pty = await createPtyPair();
    device = await openSerial({ path: pty.b, baudRate: 115200 });
    sim = new PrinterSimulator(device);
    printer = createPrinter({
      open: () => openSerial({ path: pty.a, baudRate: 115200 }),
      pollIntervalMs: 50,
      replyTimeoutMs: 300,
      reopenIntervalMs: 50,
      jobTimeoutMs: 5000,
    });
    await printer.start();
  });

  afterAll(async () => {
    await printer.stop();
    await device.close();
    await pty.close();
  });

  it('prints the acceptance receipt; the simulator decodes its text and QR', async () => {
    expect(printer.status().state).toBe('ready');
    const result = await printer.print(receipt);
    expect(result.bytes).toBeGreaterThan(300);
    const [job] = sim.received();
    expect(job?.complete).toBe(true);
    expect(job?.text).toContain('受理回执');
    expect(job?.text).toMatch(/申请人 +张\*丰/);
    expect(job?.text).toMatch(/1\. 工作证明 +补交期限 2025-03-15/);
    expect(job?.text).toContain('2025-03-01 10:07');
    expect(job?.qr).toEqual(['https://example.gov.cn/progress?r=BDY-20250301-0007']);
  });

  it('fails the job with paper-out when the roll ends in the middle of it', async () => {
    sim.clear();
    sim.runOutAfterLines(4);
    const error = await printer.print(receipt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe('PRINTER_NOT_READY');
    expect((error as KioskError).details).toEqual({ state: 'paper-out' });
    expect(printer.status()).toMatchObject({ state: 'paper-out', paperOut: true });
    await vi.waitFor(() => expect(sim.received().map((j) => j.complete)).toEqual([false]));

    sim.setPaper('ok');
    await vi.waitFor(() => expect(printer.status().state).toBe('ready'));
    await printer.print(receipt);
    expect(sim.received().map((j) => j.complete)).toEqual([false, true]);
  });

  it('goes offline when unplugged, fails jobs meanwhile, and comes back on replug', async () => {
    const seen: boolean[] = [];
    printer.on('connection', (c) => seen.push(c.connected));
    await pty.unplug();
    await vi.waitFor(() => expect(printer.connection().connected).toBe(false));
    expect(printer.status().state).toBe('offline');
    const error = await printer.print(receipt).catch((e: unknown) => e);
    expect((error as KioskError).details).toEqual({ state: 'offline' });

    await pty.replug();
    device = await openSerial({ path: pty.b, baudRate: 115200 });
    sim.attach(device);
    await vi.waitFor(() => expect(printer.status().state).toBe('ready'), { timeout: 5000 });
    expect(seen[0]).toBe(false);
    expect(seen.at(-1)).toBe(true);
    sim.clear();
    await printer.print(receipt);
    expect(sim.received()).toHaveLength(1);
  });
});

describe.sequential('budayang printer status / test against budayang sim printer', () => {
  it('reports paperOut and prints the test page', async () => {
    const pty = await createPtyPair();
    const sim = await runPrinterSimulator({ serial: pty.b, baud: '115200', controlPort: '0' });
    const out: string[] = [];
    const write = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk) => (out.push(String(chunk)), true));
    try {
      const run = async (...args: string[]) => {
        const program = new Command().exitOverride();
        registerPrinterCommands(program);
        await program.parseAsync(['node', 'budayang', ...args]);
      };
      const control = `http://127.0.0.1:${sim.controlPort}`;
      await fetch(`${control}/paper`, { method: 'POST', body: JSON.stringify({ state: 'out' }) });
      await run('printer', 'status', '--serial', pty.a);
      expect(JSON.parse(out.join(''))).toMatchObject({
        state: 'paper-out',
        paperOut: true,
        paperNearEnd: false,
      });
      process.exitCode = 0;

      await fetch(`${control}/paper`, { method: 'POST', body: JSON.stringify({ state: 'ok' }) });
      out.length = 0;
      await run('printer', 'test', '--serial', pty.a, '--profile', 'snbc', '--paper', '58');
      expect(out.join('')).toMatch(/test page printed/);
      const output = (await (await fetch(`${control}/output`)).json()) as Array<{
        text: string;
        qr: string[];
        barcodes: string[];
      }>;
      expect(output[0]?.text).toContain('打印机测试页');
      expect(output[0]?.text).toContain('𠮷㐀䶵𪚥');
      expect(output[0]?.barcodes).toEqual(['BDY-TEST-0001']);
      const png = await fetch(`${control}/preview.png?width=58`);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await png.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    } finally {
      write.mockRestore();
      await sim.stop();
      await pty.close();
    }
  });
});
