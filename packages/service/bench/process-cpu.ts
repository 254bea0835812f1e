import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * User plus system CPU milliseconds of a process and all its descendants (Linux /proc): the live
 * ones' own time plus what each has reaped from children that exited (PostgreSQL's autovacuum
 * workers, a replaced API worker).
 */
export async function treeCpuMs(root: number): Promise<number> {
  const parentOf = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (!stat) continue;
    // Fields after the command name: state, ppid, ...; utime, stime, cutime, cstime are fields 14 to 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parentOf.set(Number(entry), Number(fields[1]));
    ticks.set(
      Number(entry),
      Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
    );
  }
  let total = 0;
  for (const [pid, own] of ticks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parentOf.get(p)) {
      if (p === root) {
        total += own;
        break;
      }
    }
  }
  return (total * 1000) / TICKS_PER_SECOND;
}
