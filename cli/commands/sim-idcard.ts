// budayang sim idcard --serial PATH [--baud N] [--control-port N]: a simulated reader on a
// serial path (one end of a socat pty pair, or a null-modem cable), driven over HTTP.
import type { Command } from 'commander';
import { IdCardSimulator } from '../../devices/idcard/simulator';
import {
  runStandaloneSimulator,
  serveUntilSignalled,
  standaloneCommand,
  type StandaloneOptions,
} from './standalone-simulator';

interface SimOptions extends StandaloneOptions {
  card?: boolean;
  fast?: boolean;
  realSerial?: boolean;
}

export function runIdcardSimulator(options: SimOptions) {
  return runStandaloneSimulator('idcard', options, (transport, baudRate) => {
    const simulator = new IdCardSimulator(transport, {
      baudRate,
      paceWire: !options.realSerial,
      processing: options.fast ? 'none' : 'realistic',
    });
    if (options.card) simulator.placeCard();
    return simulator;
  });
}

export function registerSimIdcard(sim: Command): void {
  standaloneCommand(sim, 'idcard', '115200')
    .description('simulate an ID card reader on a serial path')
    .option('--card', 'start with the default card (张三) on the reader')
    .option('--fast', 'no reader processing time, only wire time')
    .option('--real-serial', 'a real UART paces the bytes: do not pace them here')
    .action(async (options: SimOptions) => {
      await serveUntilSignalled(
        await runIdcardSimulator(options),
        `ID card simulator on ${options.serial}`,
        ['POST /card', 'DELETE /card', 'POST /fault', 'GET /state'],
      );
    });
}
