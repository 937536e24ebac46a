import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ServerContext } from '../server-context';
import { claimFilingJob, LeaseLost } from './filing-jobs';
import { runFilingJob, type FilingRunOptions } from './filing-run';

/** Each step waits this long first, so a person can follow the sequence as it runs. */
export const FILING_STEP_MS = 150;
/** A run holds a job this long past its last step; a run that died frees it when it runs out. */
export const FILING_LEASE_MS = 60_000;

/**
 * Runs the filing jobs due now, one after another, until none is left that this run may claim
 * (a job leased by a live run elsewhere is skipped). Answers how many it ran. Without a way to
 * NCMEC, it runs none: the jobs wait, and nothing is sent anywhere else. An error that is not a
 * lost lease stops the run and is thrown; the job's lease then runs out, and a later run resumes it.
 */
export async function runFilingJobs(
  server: ServerContext,
  options: Partial<Omit<FilingRunOptions, 'owner'>> = {},
): Promise<number> {
  const ncmec = server.ncmec;
  if (ncmec.kind !== 'ready') return 0;
  const run: FilingRunOptions = {
    owner: `${hostname()}:${String(process.pid)}:${randomUUID()}`,
    leaseMs: options.leaseMs ?? FILING_LEASE_MS,
    stepDelayMs: options.stepDelayMs ?? 0,
    ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
    ...(options.dieAt ? { dieAt: options.dieAt } : {}),
  };
  let ran = 0;
  for (;;) {
    const job = await claimFilingJob(server.database.db, run.owner, server.now(), run.leaseMs);
    if (!job) return ran;
    ran += 1;
    try {
      await runFilingJob(server, ncmec, job, run);
    } catch (error) {
      if (!(error instanceof LeaseLost)) throw error;
    }
    // A test's step budget is per call: a job left half-run waits for its lease to run out.
    if (run.maxSteps !== undefined) return ran;
  }
}

/**
 * The server's filing worker: looks for due jobs every `intervalMs` and runs them, steps paced for
 * a person to follow. Every instance runs one; the jobs' leases decide who runs which.
 */
export function startFilingWorker(server: ServerContext, { intervalMs = 500 } = {}) {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runFilingJobs(server, { stepDelayMs: FILING_STEP_MS })
      .then(
        () => undefined,
        (error: unknown) => console.error('filing worker:', error),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
