/**
 * The long version of test/fault/sync-kill-chromium.test.ts:
 *   npm run soak:sync -- --kills 200 [--seed 7]
 * Prints progress, then as its last line JSON with submitted, onPlatform, lost, duplicates, kills.
 */
import { parseArgs } from 'node:util';
import { runKillScenario } from '../test/fault/sync-kill-harness';
import { sqlitePlatformHandle, syncFaultPageQuery } from '../test/fault/sync-platform-handle';

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '100' }, seed: { type: 'string' } },
});
const platform = await sqlitePlatformHandle();
const result = await runKillScenario({
  kills: Number(values.kills),
  platform,
  pageQuery: syncFaultPageQuery,
  seed: values.seed ? Number(values.seed) : Date.now(),
  log: (line) => console.error(line),
});
console.error(
  `faults by connection: ${JSON.stringify(result.faults)}; unconfirmed but delivered: ${result.unconfirmedDelivered}; quarantined: ${result.quarantined}; platform SIGKILLs: ${result.platformKills}`,
);
for (const line of result.lostDetail) console.error(`lost: ${line}`);
console.log(
  JSON.stringify({
    submitted: result.submitted,
    onPlatform: result.onPlatform,
    lost: result.lost,
    duplicates: result.duplicates,
    kills: result.kills,
  }),
);
process.exit(result.lost === 0 && result.duplicates === 0 ? 0 : 1);
