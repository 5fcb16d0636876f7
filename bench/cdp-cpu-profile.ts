import { writeFileSync } from 'node:fs';
import type { CdpClient } from './cdp-client';

/**
 * A V8 CPU profile of one JS thread (a page's or a worker's session), sampled every
 * `intervalUs` until `stop()` writes it to `file`: a diagnostic of where a thread's time
 * goes. The file is a .cpuprofile, which Chromium's DevTools (Performance panel) and
 * speedscope open.
 */
export async function startCpuProfile(
  cdp: CdpClient,
  sessionId: string,
  file: string,
  intervalUs = 200,
): Promise<{ stop(): Promise<void> }> {
  await cdp.send('Profiler.enable', {}, sessionId);
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs }, sessionId);
  await cdp.send('Profiler.start', {}, sessionId);
  return {
    async stop() {
      const { profile } = await cdp.send<{ profile: unknown }>('Profiler.stop', {}, sessionId);
      await cdp.send('Profiler.disable', {}, sessionId);
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}
