import type { Transaction } from 'kysely';
import type { FilingStep } from '../../api/schemas/filing';
import type { Database } from '../db/tables';
import { createNcmecClient, type NcmecResult } from '../ncmec/ncmec-client';
import type { NcmecClientOptions } from '../ncmec/ncmec-client';
import type { ServerContext } from '../server-context';
import { recordAnswer, stepInFlight, type StepOutcome } from './filing-answer';
import {
  closeFilingJob,
  holdLease,
  keepAnswer,
  releaseFilingJob,
  type ClaimedJob,
  type InFlight,
} from './filing-jobs';
import { nextStep, stopIfUnconfirmed } from './filing-outcomes';
import { recordingFetch, type Exchange } from './filing-records';
import { recoverInFlight } from './filing-recovery';
import { prepareStep, type PreparedStep } from './filing-send';
import { lockForFiling } from './filing-lock';
import { saveReport } from './report-rows';

export interface FilingRunOptions {
  /** Who holds the job's lease: this run, unique per process and run. */
  owner: string;
  leaseMs: number;
  /** Each step waits this long first, so a person can follow the sequence as it runs. */
  stepDelayMs: number;
  /** Tests: send at most this many steps, then hand the job back for a later run. */
  maxSteps?: number;
  /**
   * Tests: called at each moment of a step; throwing there is the server dying then, its lease
   * held: `sending` (marked in flight, before NCMEC receives it), `answered` (NCMEC answered,
   * before the answer is kept), `recording` (in the transaction recording the answer, before it
   * commits).
   */
  dieAt?: (moment: FilingMoment, step: FilingStep) => void;
}

export type FilingMoment = 'sending' | 'answered' | 'recording';

type Phase =
  { kind: 'done' } | { kind: 'again' } | { kind: 'send'; step: FilingStep; prepared: PreparedStep };

/** Before a step: recover a dead run's step, check the items, and mark the next step in flight. */
async function beforeStep(
  trx: Transaction<Database>,
  server: ServerContext,
  job: ClaimedJob,
  options: FilingRunOptions,
): Promise<Phase> {
  const now = server.now();
  const report = await lockForFiling(trx, job.reportId);
  await holdLease(trx, job, options.owner, now, options.leaseMs, job.inFlight);
  const done = async (): Promise<Phase> => {
    await saveReport(trx, report, report.version);
    await closeFilingJob(trx, job, options.owner, now);
    return { kind: 'done' };
  };
  const filing = report.filing;
  if (report.status !== 'filing' || filing?.state !== 'running') return done();
  if (job.inFlight !== null) {
    await recoverInFlight(trx, report, job.requestedBy, job.inFlight, now);
    await holdLease(trx, job, options.owner, now, options.leaseMs, null);
    if (report.filing?.state !== 'running') return done();
    await saveReport(trx, report, report.version);
    return { kind: 'again' };
  }
  const step = nextStep(filing.steps);
  if (!step) return done();
  if (step.step !== 'retract' && (await stopIfUnconfirmed(trx, report, now))) {
    await saveReport(trx, report, report.version);
    return report.filing?.state === 'running' ? { kind: 'again' } : done();
  }
  let prepared: PreparedStep;
  try {
    prepared = await prepareStep(trx, step, report);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    prepared = { document: null, viewed: null, send: () => Promise.reject(failure) };
  }
  const head = await trx.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
  const inFlight: InFlight = {
    step: step.step,
    sha256: step.sha256,
    at: now.toISOString(),
    sent: prepared.document,
    viewed: prepared.viewed,
    afterSeq: head.seq,
    answer: null,
  };
  await holdLease(trx, job, options.owner, now, options.leaseMs, inFlight);
  return { kind: 'send', step, prepared };
}

/**
 * Records the answer to the step in flight (`recordAnswer`), in one transaction with the check
 * that every item is still confirmed (their rows held). Returns whether the filing goes on.
 */
async function afterStep(
  trx: Transaction<Database>,
  server: ServerContext,
  job: ClaimedJob,
  outcome: StepOutcome,
  options: FilingRunOptions,
): Promise<boolean> {
  const now = server.now();
  const report = await lockForFiling(trx, job.reportId);
  const inFlight = job.inFlight;
  if (inFlight === null) throw new Error(`filing job ${job.id} has no step in flight`);
  const step = stepInFlight(report, inFlight);
  await holdLease(trx, job, options.owner, now, options.leaseMs, null);
  await recordAnswer(trx, report, job.requestedBy, inFlight, outcome, now);
  await saveReport(trx, report, report.version);
  const goesOn = report.filing?.state === 'running';
  if (!goesOn) await closeFilingJob(trx, job, options.owner, now);
  if (step) options.dieAt?.('recording', step);
  return goesOn;
}

/**
 * Runs one claimed job's open steps in order. Each step is marked in flight and committed before
 * it is sent, and its answer recorded in a transaction of its own, so no transaction stays open
 * while NCMEC is called, and a run that dies between the two leaves the mark for the next run.
 */
export async function runFilingJob(
  server: ServerContext,
  ncmecOptions: NcmecClientOptions,
  job: ClaimedJob,
  options: FilingRunOptions,
): Promise<void> {
  const { db } = server.database;
  const exchange: Exchange = { sent: null, answer: null };
  const ncmec = createNcmecClient({
    ...ncmecOptions,
    fetch: recordingFetch(ncmecOptions.fetch, exchange),
  });
  let sentSteps = 0;
  for (;;) {
    if (options.maxSteps !== undefined && sentSteps >= options.maxSteps)
      return releaseFilingJob(db, job, options.owner, server.now());
    if (options.stepDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, options.stepDelayMs));
    const phase = await db.transaction().execute((trx) => beforeStep(trx, server, job, options));
    if (phase.kind === 'done') return;
    if (phase.kind === 'again') continue;
    sentSteps += 1;
    Object.assign(exchange, { sent: null, answer: null });
    let result: NcmecResult | null = null;
    let failure = '';
    options.dieAt?.('sending', phase.step);
    try {
      result = await phase.prepared.send(ncmec);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    options.dieAt?.('answered', phase.step);
    if (result !== null && exchange.answer !== null) {
      const body = Buffer.from(exchange.answer).toString('base64');
      await keepAnswer(db, job, options.owner, server.now(), options.leaseMs, { result, body });
    }
    const outcome = { exchange, result, failure };
    const goesOn = await db
      .transaction()
      .execute((trx) => afterStep(trx, server, job, outcome, options));
    if (!goesOn) return;
  }
}
