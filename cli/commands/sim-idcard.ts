// budayang sim idcard --serial PATH [--baud N] [--control-port N]: a simulated reader on a
// serial path (one end of a socat pty pair, or a null-modem cable), driven over HTTP.
import type { Command } from 'commander';
import { startSimControl } from '../../devices/idcard/sim-control';
import { IdCardSimulator } from '../../devices/idcard/simulator';
import { openSerial } from '../../devices/transport/serial';

interface SimOptions {
  serial: string;
  baud: string;
  controlPort: string;
  card?: boolean;
  fast?: boolean;
  realSerial?: boolean;
}

export async function runIdcardSimulator(
  options: SimOptions,
): Promise<{ controlPort: number; stop(): Promise<void> }> {
  const baudRate = Number(options.baud);
  const transport = await openSerial({ path: options.serial, baudRate });
  const simulator = new IdCardSimulator(transport, {
    baudRate,
    paceWire: !options.realSerial,
    processing: options.fast ? 'none' : 'realistic',
  });
  if (options.card) simulator.placeCard();
  const control = await startSimControl(simulator, Number(options.controlPort));
  return {
    controlPort: control.port,
    async stop() {
      await control.close();
      await transport.close();
    },
  };
}

export function registerSimIdcard(sim: Command): void {
  sim
    .command('idcard')
    .description('simulate an ID card reader on a serial path')
    .requiredOption('--serial <path>', 'serial path the simulator speaks on')
    .option('--baud <n>', 'baud rate', '115200')
    .option('--control-port <n>', 'loopback HTTP control port (0: any free port)', '0')
    .option('--card', 'start with the default card (张三) on the reader')
    .option('--fast', 'no reader processing time, only wire time')
    .option('--real-serial', 'a real UART paces the bytes: do not pace them here')
    .action(async (options: SimOptions) => {
      const running = await runIdcardSimulator(options);
      const base = `http://127.0.0.1:${running.controlPort}`;
      process.stderr.write(
        `ID card simulator on ${options.serial}; control: POST ${base}/card, DELETE ${base}/card, POST ${base}/fault, GET ${base}/state\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
    });
}
