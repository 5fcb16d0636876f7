import { readFileSync, rmSync } from 'node:fs';
import type { PlatformHandle } from '../test/fault/sync-kill-harness';
import { sqlitePlatformHandle } from '../test/fault/sync-platform-handle';
import { processRunning } from './sync-drain-processes';

const PROCESS_SCRIPT = 'sync-platform-process.ts';

/**
 * The reference platform on SQLite, in a process of its own, as the fault tests start it;
 * `remove()` stops it and deletes its data directory (a drain leaves every application's
 * sealed bytes there), which the fault tests' handle keeps and does not tell.
 */
export async function benchPlatform(): Promise<
  PlatformHandle & { remove(): Promise<void>; pid(): number | undefined }
> {
  const platform = await sqlitePlatformHandle();
  let dataDir: string | undefined;
  return {
    ...platform,
    async start() {
      await platform.start();
      dataDir ??= dataDirOf(platform.port);
    },
    async enrolmentCode() {
      const code = await platform.enrolmentCode();
      dataDir ??= dataDirOf(platform.port);
      return code;
    },
    /** The platform process now serving, for its CPU time. */
    pid: () => processRunning(PROCESS_SCRIPT, String(platform.port)),
    async remove() {
      await platform.stop();
      if (dataDir?.includes('budayang-platform-'))
        rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The platform process serving `port` is started as `… <sqlite file> <data dir> <port>`. */
function dataDirOf(port: number): string | undefined {
  const pid = processRunning(PROCESS_SCRIPT, String(port));
  if (pid === undefined) return undefined;
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).at(-2);
}
