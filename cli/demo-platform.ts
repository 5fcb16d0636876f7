import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createPlatform } from '../sync/server/platform';

/**
 * The demo's reference platform: an embedded SQLite file under the kiosk's data directory,
 * the demo catalogue, and a fresh one-time enrolment code for the kiosk.
 */
export async function startDemoPlatform(dataDir: string, port = 0) {
  const platformDir = join(dataDir, 'platform');
  await mkdir(platformDir, { recursive: true });
  const platform = await createPlatform({
    db: `sqlite:${join(platformDir, 'platform.db')}`,
    dataDir: platformDir,
  });
  const url = await platform.listen({ port, host: '127.0.0.1' });
  // A day is long enough for the demo kiosk to enrol; an unused code simply expires.
  const { code: enrolmentCode } = await platform.operator.createEnrolmentCode(24 * 3600_000);
  return { url, enrolmentCode, close: () => platform.close() };
}
