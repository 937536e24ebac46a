import { readFileSync, readdirSync } from 'node:fs';

/**
 * Where a benchmark's CPU goes, read from Linux's /proc (times in clock ticks of 10 ms): one
 * process's, PostgreSQL's processes' and the whole machine's.
 */

const TICK_MS = 10;

/** A process's CPU time so far (user + system), in ms; NaN once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** A process's peak resident memory so far, in MB (VmHWM); NaN once it is gone. */
export function peakMemoryMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? NaN : Number(kb) / 1024;
  } catch {
    return NaN;
  }
}

/** The machine's CPU time so far, in ms summed over its cores: busy, and in all. */
export function machineCpuMs(): { busy: number; total: number } {
  const [, ...ticks] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    ticks;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy * TICK_MS, total: (busy + idle + iowait) * TICK_MS };
}

/**
 * PostgreSQL's processes on this machine, by their titles (`postgres: <user> <database> …` for a
 * backend, `postgres: autovacuum worker <database>`, `postgres: walwriter`…): each one's CPU so
 * far in ms, as those serving `database` and the rest (the server's own processes, and backends
 * of other databases).
 */
export function postgresCpuMs(database: string): {
  mine: Map<number, number>;
  rest: Map<number, number>;
} {
  const mine = new Map<number, number>();
  const rest = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (!/^(postgres:|\S*\/postgres )/.test(title)) continue;
    const pid = Number(entry);
    const ms = cpuMs(pid);
    if (Number.isNaN(ms)) continue;
    (title.split(' ').includes(database) ? mine : rest).set(pid, ms);
  }
  return { mine, rest };
}

/**
 * CPU spent between two readings of `postgresCpuMs`, in ms: a process first seen in `after`
 * started meanwhile, so all it spent counts; one gone by then is missed (a pool's connections
 * stay while it is busy).
 */
export const spentBetween = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
