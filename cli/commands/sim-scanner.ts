// budayang sim scanner --serial PATH [--profile P] [--control-port N]: a simulated serial
// barcode/QR scanner; POST /scan {"text": …} on the control port sends a scan.
import type { Command } from 'commander';
import { scannerProfile } from '../../devices/scanner/profile';
import { ScannerSimulator } from '../../devices/scanner/simulator';
import {
  runStandaloneSimulator,
  serveUntilSignalled,
  standaloneCommand,
  type StandaloneOptions,
} from './standalone-simulator';

interface SimScannerOptions extends StandaloneOptions {
  profile?: string;
}

export function runScannerSimulator(options: SimScannerOptions) {
  return runStandaloneSimulator(
    'scanner',
    options,
    (transport) => new ScannerSimulator(transport, scannerProfile(options.profile)),
  );
}

export function registerSimScanner(sim: Command): void {
  standaloneCommand(sim, 'scanner', '9600')
    .description('simulate a serial barcode/QR scanner')
    .option('--profile <id>', 'scanner model: generic, newland-gb18030')
    .action(async (options: SimScannerOptions) => {
      await serveUntilSignalled(
        await runScannerSimulator(options),
        `scanner simulator on ${options.serial}`,
        ['POST /scan'],
      );
    });
}
