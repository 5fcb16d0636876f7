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

/**
 * CPU used by a set of processes from now until `stop()`, in ms: where the drain's work
 * went, steadier than wall time on a machine others are loading.
 */
export function cpuAccount(pids: readonly number[]): { stop(): number } {
  const start = new Map(pids.map((pid) => [pid, cpuMs(pid)]));
  return {
    stop: () => pids.reduce((sum, pid) => sum + Math.max(0, cpuMs(pid) - start.get(pid)!), 0),
  };
}

/**
 * CPU as cpuAccount, but per kind of Chromium process (browser, renderer, gpu-process,
 * utility…): which side of the IPC the drain's work lands on.
 */
export function cpuAccountByType(processes: ReadonlyArray<{ pid: number; type: string }>): {
  stop(): Record<string, number>;
} {
  const start = new Map(processes.map((p) => [p.pid, cpuMs(p.pid)]));
  return {
    stop: () => {
      const byType: Record<string, number> = {};
      for (const p of processes)
        byType[p.type] = (byType[p.type] ?? 0) + Math.max(0, cpuMs(p.pid) - start.get(p.pid)!);
      return byType;
    },
  };
}
