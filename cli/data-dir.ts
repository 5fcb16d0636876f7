import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where a kiosk keeps all its state unless told otherwise (`--data`, BUDAYANG_DATA). */
export function defaultDataDir(): string {
  const fromEnv = process.env.BUDAYANG_DATA;
  if (fromEnv) return resolve(fromEnv);
  const xdg = process.env.XDG_DATA_HOME;
  return join(xdg ? xdg : join(homedir(), '.local', 'share'), 'budayang');
}
