// budayang sim printer --serial PATH [--profile P] [--control-port N]: a simulated receipt
// printer on a serial path (one end of a socat pty pair), driven over loopback HTTP.
import type { Command } from 'commander';
import { printerProfile } from '../../devices/printer/profile';
import { startPrinterSimControl } from '../../devices/printer/sim-control';
import { PrinterSimulator } from '../../devices/printer/simulator';
import { openSerial } from '../../devices/transport/serial';

interface SimPrinterOptions {
  serial: string;
  baud: string;
  profile?: string;
  controlPort: string;
}

export async function runPrinterSimulator(options: SimPrinterOptions) {
  const transport = await openSerial({ path: options.serial, baudRate: Number(options.baud) });
  const simulator = new PrinterSimulator(transport, { profile: printerProfile(options.profile) });
  const control = await startPrinterSimControl(simulator, Number(options.controlPort));
  return {
    simulator,
    controlPort: control.port,
    async stop() {
      await control.close();
      await transport.close();
    },
  };
}

export function registerSimPrinter(sim: Command): void {
  sim
    .command('printer')
    .description('simulate a receipt printer on a serial path')
    .requiredOption('--serial <path>', 'serial path the simulator speaks on')
    .option('--baud <n>', 'baud rate', '115200')
    .option('--profile <id>', 'printer model: epson, snbc, custom-vkp80, citizen')
    .option('--control-port <n>', 'loopback HTTP control port (0: any free port)', '0')
    .action(async (options: SimPrinterOptions) => {
      const running = await runPrinterSimulator(options);
      const base = `http://127.0.0.1:${running.controlPort}`;
      process.stderr.write(
        `printer simulator on ${options.serial}; control: POST ${base}/paper, POST ${base}/cover, GET ${base}/output, GET ${base}/preview.png?width=58\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
    });
}
