import { Command, InvalidArgumentError } from 'commander';
import { defaultDataDir } from './data-dir';
// A type-only import: erased, so `start`'s module still loads only when the command runs.
import type { StartOptions } from './start';

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

const program = new Command('budayang')
  .description('Budayang (不打烊): the 24-hour government self-service kiosk')
  .showHelpAfterError();

function registerStart(program: Command) {
  program
    .command('start')
    .description(
      'start the kiosk (the demo, with simulated devices and a local platform, when nothing is configured)',
    )
    .option('--web', 'run in a Chromium window instead of Electron', false)
    .option('--headless', 'open no window; print the address once the kiosk serves', false)
    .option('--port <n>', 'port of the kiosk page in web mode', portNumber, 7788)
    .option('--data <dir>', 'directory for all state', defaultDataDir())
    .option('--demo-platform-port <n>', "port of the demo's local platform", portNumber)
    .option(
      '--platform-url <url>',
      'the platform URL the kiosk uses, e.g. through a proxy (overrides the configured one)',
    )
    .action(async (options: StartOptions) => {
      const { startKiosk } = await import('./start');
      await startKiosk(options);
    });
}

// Each command's module is loaded only when that command runs: `budayang start` must not
// pay for the technician tools, nor a simulator for the platform.
const commands: Record<string, () => Promise<void>> = {
  start: async () => registerStart(program),
  sim: async () => {
    const sim = program
      .command('sim')
      .description('device simulators on a serial path, for tests and demos');
    const [idcard, printer, scanner] = await Promise.all([
      import('./commands/sim-idcard'),
      import('./commands/sim-printer'),
      import('./commands/sim-scanner'),
    ]);
    idcard.registerSimIdcard(sim);
    printer.registerSimPrinter(sim);
    scanner.registerSimScanner(sim);
  },
  idcard: async () => (await import('./commands/idcard')).registerIdcardCommands(program),
  printer: async () => (await import('./commands/printer')).registerPrinterCommands(program),
  devices: async () => (await import('./commands/devices')).registerDevicesCommands(program),
  platform: async () => (await import('./commands/platform')).registerPlatformCommands(program),
};

async function main() {
  const name = process.argv[2];
  const only = name === undefined ? undefined : commands[name];
  if (only) await only();
  else for (const register of Object.values(commands)) await register();
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  console.error(`budayang: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
