// What every `budayang sim …` shares: a simulator on one end of a serial path, the one
// simulator control (devices/host/simulator-control) on loopback, and a stop on SIGINT/SIGTERM.
import type { Command } from 'commander';
import { startSimulatorControl, type SimulatorSet } from '../../devices/host/simulator-control';
import { openSerial } from '../../devices/transport/serial';
import type { ByteTransport } from '../../devices/transport/transport';

export interface StandaloneOptions {
  serial: string;
  baud: string;
  controlPort: string;
}

export interface RunningSimulator<S> {
  simulator: S;
  controlPort: number;
  stop(): Promise<void>;
}

export async function runStandaloneSimulator<
  D extends keyof SimulatorSet,
  S extends SimulatorSet[D],
>(
  device: D,
  options: StandaloneOptions,
  create: (transport: ByteTransport, baudRate: number) => S,
): Promise<RunningSimulator<S>> {
  const baudRate = Number(options.baud);
  const transport = await openSerial({ path: options.serial, baudRate });
  const simulator = create(transport, baudRate);
  const control = await startSimulatorControl({
    port: Number(options.controlPort),
    simulators: { [device]: simulator },
    standalone: device,
  });
  return {
    simulator,
    controlPort: control.port,
    async stop() {
      await control.close();
      await transport.close();
    },
  };
}

/** The options every simulator command takes; the baud rate defaults to the device's usual. */
export function standaloneCommand(sim: Command, device: string, defaultBaud: string): Command {
  return sim
    .command(device)
    .requiredOption('--serial <path>', 'serial path the simulator speaks on')
    .option('--baud <n>', 'baud rate', defaultBaud)
    .option('--control-port <n>', 'loopback HTTP control port (0: any free port)', '0');
}

/** Says where it runs and how to drive it (`routes` relative to the control), until signalled. */
export async function serveUntilSignalled(
  running: RunningSimulator<unknown>,
  what: string,
  routes: string[],
): Promise<void> {
  const base = `http://127.0.0.1:${running.controlPort}`;
  const control = routes.map((route) => route.replace(' /', ` ${base}/`)).join(', ');
  process.stderr.write(`${what}; control: ${control}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
}
