// budayang sim scanner --serial PATH [--profile P] [--control-port N]: a simulated serial
// barcode/QR scanner; POST /scan {"text": …} on the control port sends a scan.
import type { Command } from 'commander';
import { scannerProfile } from '../../devices/scanner/profile';
import { startScannerSimControl } from '../../devices/scanner/sim-control';
import { ScannerSimulator } from '../../devices/scanner/simulator';
import { openSerial } from '../../devices/transport/serial';

interface SimScannerOptions {
  serial: string;
  baud: string;
  profile?: string;
  controlPort: string;
}

export async function runScannerSimulator(options: SimScannerOptions) {
  const transport = await openSerial({ path: options.serial, baudRate: Number(options.baud) });
  const simulator = new ScannerSimulator(transport, scannerProfile(options.profile));
  const control = await startScannerSimControl(simulator, Number(options.controlPort));
  return {
    simulator,
    controlPort: control.port,
    async stop() {
      await control.close();
      await transport.close();
    },
  };
}

export function registerSimScanner(sim: Command): void {
  sim
    .command('scanner')
    .description('simulate a serial barcode/QR scanner')
    .requiredOption('--serial <path>', 'serial path the simulator speaks on')
    .option('--baud <n>', 'baud rate', '9600')
    .option('--profile <id>', 'scanner model: generic, newland-gb18030')
    .option('--control-port <n>', 'loopback HTTP control port (0: any free port)', '0')
    .action(async (options: SimScannerOptions) => {
      const running = await runScannerSimulator(options);
      process.stderr.write(
        `scanner simulator on ${options.serial}; control: POST http://127.0.0.1:${running.controlPort}/scan\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
    });
}
