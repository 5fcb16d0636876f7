import { Command, InvalidArgumentError } from 'commander';
import { registerDevicesCommands } from './commands/devices';
import { registerIdcardCommands } from './commands/idcard';
import { registerPlatformCommands } from './commands/platform';
import { registerPrinterCommands } from './commands/printer';
import { registerSimIdcard } from './commands/sim-idcard';
import { registerSimPrinter } from './commands/sim-printer';
import { registerSimScanner } from './commands/sim-scanner';
import { defaultDataDir } from './data-dir';
import { startKiosk } from './start';

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

const program = new Command('budayang')
  .description('Budayang (不打烊): the 24-hour government self-service kiosk')
  .showHelpAfterError();

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
  .action(
    async (options: {
      web: boolean;
      headless: boolean;
      port: number;
      data: string;
      demoPlatformPort?: number;
      platformUrl?: string;
    }) => {
      await startKiosk(options);
    },
  );

const sim = program
  .command('sim')
  .description('device simulators on a serial path, for tests and demos');
registerSimIdcard(sim);
registerSimPrinter(sim);
registerSimScanner(sim);

registerIdcardCommands(program);
registerPrinterCommands(program);
registerDevicesCommands(program);
registerPlatformCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`budayang: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
