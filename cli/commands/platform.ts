import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ApplicationStatus } from '../../sync/protocol/application-status';
import { parseApplicationStatus } from '../../sync/protocol/application-status-input';
import { createPlatform } from '../../sync/server/platform';
import type { PlatformOptions } from '../../sync/server/platform';
import { ProblemError } from '../../sync/server/problem-error';

/** `budayang platform …`: run the reference platform, and the operator's commands on its database. */

interface DbOptions {
  db?: string;
  data: string;
}

function platformOptions(options: DbOptions): PlatformOptions {
  return { dataDir: options.data, ...(options.db === undefined ? {} : { db: options.db }) };
}

async function withPlatform<T>(
  options: DbOptions,
  work: (platform: Awaited<ReturnType<typeof createPlatform>>) => Promise<T>,
): Promise<T> {
  const platform = await createPlatform(platformOptions(options));
  try {
    return await work(platform);
  } catch (error) {
    // Operator mistakes (unknown receipt, disallowed transition) read as one line, not a stack.
    if (error instanceof ProblemError)
      throw new Error(`${error.problem.title}: ${error.problem.detail ?? error.problem.code}`, {
        cause: error,
      });
    throw error;
  } finally {
    await platform.close();
  }
}

/** --db and --data belong to `platform` and are read from any subcommand, before or after its name. */
function dbOptions(command: Command): DbOptions {
  return command.optsWithGlobals<DbOptions>();
}

export function registerPlatformCommands(program: Command): void {
  const platform = program
    .command('platform')
    .description('the reference 一网通办 platform')
    .option('--db <url>', 'sqlite:FILE or postgres://…', process.env.BUDAYANG_PLATFORM_DB)
    .option(
      '--data <dir>',
      'data directory (holds the default SQLite file)',
      process.env.BUDAYANG_PLATFORM_DATA ?? '.data/platform',
    )
    .option('--port <n>', 'port to listen on', '8787')
    .option('--host <h>', 'address to listen on', '127.0.0.1')
    .action(async (options: DbOptions & { port: string; host: string }) => {
      const instance = await createPlatform({
        ...platformOptions(options),
        logger: { level: 'info' },
      });
      const address = await instance.listen({ port: Number(options.port), host: options.host });
      console.log(`platform listening on ${address} (OpenAPI at ${address}/v1/openapi.json)`);
      const stop = async () => {
        await instance.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });

  platform
    .command('enroll-code')
    .description('make a one-time enrolment code for a kiosk')
    .option('--ttl-hours <n>', 'hours the code stays valid', '24')
    .action(async (options: { ttlHours: string }, command: Command) => {
      const { code, expiresAt } = await withPlatform(dbOptions(command), (p) =>
        p.operator.createEnrolmentCode(Number(options.ttlHours) * 3600_000),
      );
      console.log(code);
      console.error(`single use, valid until ${new Date(expiresAt).toISOString()}`);
    });

  platform
    .command('publish-catalog')
    .description('publish a new catalogue version (the demo catalogue without FILE)')
    .argument('[file]', 'catalogue JSON: { services, themes }')
    .action(async (file: string | undefined, _options: unknown, command: Command) => {
      const content: unknown =
        file === undefined ? undefined : JSON.parse(readFileSync(file, 'utf8'));
      const version = await withPlatform(dbOptions(command), (p) =>
        p.operator.publishCatalog(content),
      );
      console.log(`published catalogue version ${version}`);
    });

  platform
    .command('advance-status')
    .description('move an application along 已提交 → 已受理 → 办理中 → 已办结')
    .argument('<receipt-or-id>', 'receipt number or application id')
    .argument(
      '<status>',
      `one of ${ApplicationStatus.options.join(', ')} (or its label, e.g. 已受理)`,
    )
    .option('--reason <text>', 'required for refused (不予受理) and correction-required (需补正)')
    .action(
      async (ref: string, statusText: string, options: { reason?: string }, command: Command) => {
        const status = parseApplicationStatus(statusText);
        if (status === undefined)
          throw new Error(
            `unknown status ${statusText}: use one of ${ApplicationStatus.options.join(', ')}`,
          );
        const progress = await withPlatform(dbOptions(command), (p) =>
          p.operator.advanceStatus(ref, status, options.reason),
        );
        console.log(`${progress.receiptNumber}: ${progress.status}`);
      },
    );

  platform
    .command('revoke')
    .description('revoke a kiosk; its signatures are refused from now on')
    .argument('<kiosk-id>')
    .action(async (kioskId: string, _options: unknown, command: Command) => {
      const revoked = await withPlatform(dbOptions(command), (p) =>
        p.operator.revokeKiosk(kioskId),
      );
      if (!revoked) throw new Error(`no kiosk ${kioskId}, or revoked already`);
      console.log(`revoked ${kioskId}`);
    });

  platform
    .command('operator-token')
    .description('make a bearer token for the operator API (fleet, status)')
    .option('--label <text>', 'who the token is for', 'operator')
    .action(async (options: { label: string }, command: Command) => {
      console.log(
        await withPlatform(dbOptions(command), (p) =>
          p.operator.createOperatorToken(options.label),
        ),
      );
    });
}
