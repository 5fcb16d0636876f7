import { readdirSync, readFileSync } from 'node:fs';

// What /proc tells of the benchmark's own processes: which belong to a side's Chromium, and
// how much memory and CPU each has. Linux only, as the kiosk and this machine are.

interface ProcessEntry {
  pid: number;
  parent: number;
  words: string[];
}

function processes(): ProcessEntry[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        // Chromium rewrites its command line as one string (setproctitle): words, not args.
        const words = readFileSync(`/proc/${name}/cmdline`, 'utf8').split(/[\0 ]/);
        return [{ pid: Number(name), parent, words }];
      } catch {
        return [];
      }
    });
}

/** The browser started on `profile` and every process under it, with each one's `--type`. */
export function chromiumProcesses(profile: string): Array<{ pid: number; type: string }> {
  const all = processes();
  const browser = all.find(
    (p) =>
      p.words.includes(`--user-data-dir=${profile}`) &&
      !p.words.some((word) => word.startsWith('--type=')),
  );
  if (!browser) return [];
  const family = new Set([browser.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (family.has(p.parent) && !family.has(p.pid)) {
        family.add(p.pid);
        grew = true;
      }
  }
  return all
    .filter((p) => family.has(p.pid))
    .map((p) => ({
      pid: p.pid,
      type: p.words.find((word) => word.startsWith('--type='))?.slice(7) ?? 'browser',
    }));
}

/** The process whose arguments end with `last` and include one ending with `script`. */
export function processRunning(script: string, last: string): number | undefined {
  return processes().find((p) => {
    const words = p.words.filter(Boolean);
    return words.some((word) => word.endsWith(script)) && words.at(-1) === last;
  })?.pid;
}

export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** User and system CPU time a process has used so far, in ms (0 once it is gone). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** What a drain cost in CPU, in ms: steadier than wall time on a machine others are loading. */
export interface DrainCpu {
  /** Every process of the side's browser. */
  kioskCpuMs: number;
  /** The same per kind of Chromium process (browser, renderer, gpu-process, utility…). */
  kioskCpuMsByType: Record<string, number>;
  serverCpuMs: number;
}

/** Runs `drain` and measures the CPU the browser on `profile` and the `server` processes used. */
export async function measureDrainCpu<T>(
  profile: string,
  server: readonly number[],
  drain: () => Promise<T>,
): Promise<{ result: T; cpu: DrainCpu }> {
  const kiosk = chromiumProcesses(profile);
  const before = new Map([...kiosk.map((p) => p.pid), ...server].map((pid) => [pid, cpuMs(pid)]));
  const used = (pid: number) => Math.max(0, cpuMs(pid) - before.get(pid)!);
  const result = await drain();
  const kioskCpuMsByType: Record<string, number> = {};
  for (const p of kiosk) kioskCpuMsByType[p.type] = (kioskCpuMsByType[p.type] ?? 0) + used(p.pid);
  return {
    result,
    cpu: {
      kioskCpuMs: Object.values(kioskCpuMsByType).reduce((a, b) => a + b, 0),
      kioskCpuMsByType,
      serverCpuMs: server.reduce((sum, pid) => sum + used(pid), 0),
    },
  };
}
