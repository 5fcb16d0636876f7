// budayang printer status|test: the technician's check of a receipt printer from a shell.
import { InvalidArgumentError, type Command } from 'commander';
import { KioskError } from '../../devices/bridge/contract';
import { createPrinter, type Printer } from '../../devices/printer/printer';
import { printerProfile } from '../../devices/printer/profile';
import { testPageDocument } from '../../devices/printer/test-page';
import { openLpFile } from '../../devices/transport/lp-file';
import { openSerial } from '../../devices/transport/serial';
import type { OpenTransport } from '../../devices/transport/transport';

interface PrinterCliOptions {
  serial?: string;
  lp?: string;
  baud: number;
  profile?: string;
  paper?: 58 | 80;
}

const paperWidth = (value: string): 58 | 80 => {
  if (value === '58' || value === '80') return Number(value) as 58 | 80;
  throw new InvalidArgumentError('paper is 58 or 80 (mm)');
};

function linkOf(options: PrinterCliOptions): { open: OpenTransport; device: string } {
  if (options.serial)
    return {
      open: () => openSerial({ path: options.serial!, baudRate: options.baud }),
      device: options.serial,
    };
  if (options.lp) return { open: () => openLpFile({ path: options.lp! }), device: options.lp };
  throw new InvalidArgumentError('name the printer with --serial PATH or --lp PATH');
}

async function withPrinter<T>(
  options: PrinterCliOptions,
  run: (printer: Printer, device: string) => Promise<T>,
): Promise<T> {
  const { open, device } = linkOf(options);
  const printer = createPrinter({
    open,
    profile: printerProfile(options.profile),
    ...(options.paper ? { paper: options.paper } : {}),
    reopenIntervalMs: 60_000,
  });
  await printer.start();
  try {
    const connection = printer.connection();
    if (!connection.connected)
      throw new Error(`cannot open ${device}: ${connection.reason ?? 'unknown reason'}`);
    return await run(printer, device);
  } finally {
    await printer.stop();
  }
}

const withLinkOptions = (command: Command) =>
  command
    .option('--serial <path>', 'serial port of the printer')
    .option('--lp <path>', 'USB printer device file, e.g. /dev/usb/lp0')
    .option('--baud <n>', 'baud rate', (v) => Number(v), 115200)
    .option('--profile <id>', 'printer model: epson (default), snbc, custom-vkp80, citizen');

export function registerPrinterCommands(program: Command): void {
  const printer = program.command('printer').description('receipt printer checks');

  withLinkOptions(printer.command('status').description('print the printer state as JSON')).action(
    async (options: PrinterCliOptions) => {
      const status = await withPrinter(options, async (p) => p.status());
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      if (status.state !== 'ready') process.exitCode = 2;
    },
  );

  withLinkOptions(printer.command('test').description('print the technician test page'))
    .option('--paper <mm>', 'paper width: 58 or 80', paperWidth)
    .action(async (options: PrinterCliOptions) => {
      try {
        const result = await withPrinter(options, (p, device) =>
          p.print(
            testPageDocument({
              profile: p.profile,
              paper: options.paper ?? p.profile.defaultPaper,
              device,
              printedAt: new Date().toISOString(),
            }),
          ),
        );
        process.stdout.write(`test page printed: job ${result.jobId}, ${result.bytes} bytes\n`);
      } catch (error) {
        if (error instanceof KioskError && error.code === 'PRINTER_NOT_READY') {
          process.stderr.write(`test page not printed: ${error.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw error;
      }
    });
}
