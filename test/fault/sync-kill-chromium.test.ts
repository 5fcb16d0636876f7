import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runKillScenario } from './sync-kill-harness';
import { sqlitePlatformHandle, syncFaultPageQuery } from './sync-platform-handle';

/**
 * 30 SIGKILLs of Chromium (whole browser or just the renderer with the sync worker) during
 * drains, through a proxy that drops, delays, truncates and resets, with the platform process
 * SIGKILLed and restarted too: every application the kiosk confirmed ends on the platform, once.
 * SYNC_FAULT_KILLS raises the count (never below 30); `npm run soak:sync` is the long version.
 */
const platformReady = existsSync(new URL('../../sync/server/platform.ts', import.meta.url));
const KILLS = Math.max(30, Number(process.env.SYNC_FAULT_KILLS ?? 30));

describe.skipIf(!platformReady)(
  'sync under SIGKILL and a faulty network (Chromium, SQLite platform)',
  () => {
    it('delivers every confirmed application exactly once', { timeout: 240_000 }, async () => {
      const platform = await sqlitePlatformHandle();
      const result = await runKillScenario({
        kills: KILLS,
        platform,
        pageQuery: syncFaultPageQuery,
        seed: Number(process.env.SYNC_FAULT_SEED ?? 20250101),
      });
      const summary = JSON.stringify({ ...result, lostDetail: undefined });
      expect(result.kills, summary).toBeGreaterThanOrEqual(30);
      expect(result.platformKills, summary).toBeGreaterThan(0);
      expect(result.submitted, summary).toBeGreaterThan(0);
      expect(result.lost, `lost applications:\n${result.lostDetail.join('\n')}\n${summary}`).toBe(
        0,
      );
      expect(result.duplicates, `applications delivered twice: ${summary}`).toBe(0);
      expect(result.quarantined, `valid applications quarantined: ${summary}`).toBe(0);
    });
  },
);
