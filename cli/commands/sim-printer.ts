// budayang sim printer --serial PATH [--profile P] [--control-port N]: a simulated receipt
// printer on a serial path (one end of a socat pty pair), driven over loopback HTTP.
import type { Command } from 'commander';
import { printerProfile } from '../../devices/printer/profile';
import { PrinterSimulator } from '../../devices/printer/simulator';
import {
  runStandaloneSimulator,
  serveUntilSignalled,
  standaloneCommand,
  type StandaloneOptions,
} from './standalone-simulator';

interface SimPrinterOptions extends StandaloneOptions {
  profile?: string;
}

export function runPrinterSimulator(options: SimPrinterOptions) {
  return runStandaloneSimulator(
    'printer',
    options,
    (transport) => new PrinterSimulator(transport, { profile: printerProfile(options.profile) }),
  );
}

export function registerSimPrinter(sim: Command): void {
  standaloneCommand(sim, 'printer', '115200')
    .description('simulate a receipt printer on a serial path')
    .option('--profile <id>', 'printer model: epson, snbc, custom-vkp80, citizen')
    .action(async (options: SimPrinterOptions) => {
      await serveUntilSignalled(
        await runPrinterSimulator(options),
        `printer simulator on ${options.serial}`,
        ['POST /paper', 'POST /cover', 'GET /output', 'GET /preview.png?width=58'],
      );
    });
}
