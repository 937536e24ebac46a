import type { Transaction } from 'kysely';
import type { FilingStep } from '../../api/schemas/filing';
import type { Database } from '../db/tables';
import { createNcmecClient, ncmecCodeMessage, type NcmecResult } from '../ncmec/ncmec-client';
import type { NcmecClientOptions } from '../ncmec/ncmec-client';
import type { ServerContext } from '../server-context';
import { closeFilingJob, holdLease, releaseFilingJob, type ClaimedJob } from './filing-jobs';
import {
  finishedAtNcmec,
  filed,
  nextStep,
  retracted,
  stop,
  stopIfUnconfirmed,
} from './filing-outcomes';
import { recordStep, recordingFetch, type Exchange } from './filing-records';
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
   * Tests: called in the transaction that records a step's answer, before it commits. Throwing
   * there is the server dying after NCMEC answered: the record rolls back, the lease stays held.
   */
  beforeCommit?: (step: FilingStep) => Promise<void> | void;
}

type Phase =
  | { kind: 'done' }
  | { kind: 'again' }
  | { kind: 'send'; step: FilingStep; prepared: PreparedStep; afterSeq: number };

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
    const after = await recoverInFlight(trx, report, job.requestedBy, job.inFlight, now);
    await holdLease(trx, job, options.owner, now, options.leaseMs, null);
    if (after === 'stopped') return done();
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
  const inFlight = {
    step: step.step,
    sha256: step.sha256,
    at: now.toISOString(),
    sent: prepared.document,
  };
  await holdLease(trx, job, options.owner, now, options.leaseMs, inFlight);
  return { kind: 'send', step, prepared, afterSeq: head.seq };
}

/**
 * Records a step's answer and what it means, in one transaction with the check that every item
 * is still confirmed (their rows held): 0 done; 5102 filed already (a finish whose answer was
 * lost); a retraction answered 5101 or 5001 is done too (NCMEC cancelled it already, or it
 * expired); anything else, or no answer, stops the filing. Returns whether the filing goes on.
 */
async function afterStep(
  trx: Transaction<Database>,
  server: ServerContext,
  job: ClaimedJob,
  sent: { step: FilingStep; prepared: PreparedStep; afterSeq: number },
  exchange: Exchange,
  outcome: { result: NcmecResult | null; failure: string },
  options: FilingRunOptions,
): Promise<boolean> {
  const now = server.now();
  const report = await lockForFiling(trx, job.reportId);
  await holdLease(trx, job, options.owner, now, options.leaseMs, null);
  const filing = report.filing;
  const step = filing?.steps.find(
    (s) => s.step === sent.step.step && s.sha256 === sent.step.sha256 && s.state !== 'done',
  );
  if (!filing || !step) throw new Error(`filing of ${report.id} lost its ${sent.step.step} step`);
  const actor = job.requestedBy;
  const { result, failure } = outcome;
  step.at = now.toISOString();
  step.ncmecCode = result?.code ?? null;
  await recordStep(trx, report, actor, step, exchange, result, now);
  if (result === null) {
    const then =
      step.step === 'finish'
        ? 'If NCMEC received the finish, resuming or retracting finds the report filed (5102).'
        : 'Resume to try again.';
    await stop(trx, report, actor, step, null, `No answer from NCMEC: ${failure}. ${then}`, now);
  } else if (result.code === 5102 && step.step !== 'submit') {
    await finishedAtNcmec(trx, report, actor, step, now);
  } else if (step.step === 'retract' && [0, 5101, 5001].includes(result.code)) {
    step.state = 'done';
    step.message = result.code === 0 ? null : ncmecCodeMessage(result.code);
    await retracted(trx, report, actor, now);
  } else if (result.code !== 0 || (step.step === 'submit' && !result.reportId)) {
    const said = result.description ? ` NCMEC said: ${result.description}` : '';
    const message = `${ncmecCodeMessage(result.code)}${said}`;
    await stop(trx, report, actor, step, result.code, message, now);
  } else {
    step.state = 'done';
    step.message = null;
    if (step.step === 'submit') filing.ncmecReportId = result.reportId ?? null;
    if (step.step === 'upload' && step.sha256 && result.fileId)
      report.ncmecFileIds[step.sha256] = result.fileId;
    if (step.step === 'fileinfo' && step.sha256 && sent.prepared.viewed)
      report.viewedAsSent[step.sha256] = {
        viewed: sent.prepared.viewed.viewed,
        evidence: sent.prepared.viewed.evidence,
        sentAt: step.at,
        afterSeq: sent.afterSeq,
      };
    if (step.step === 'finish') await filed(trx, report, actor, step.at, now);
    else await stopIfUnconfirmed(trx, report, now);
  }
  await saveReport(trx, report, report.version);
  const goesOn = report.filing?.state === 'running';
  if (!goesOn) await closeFilingJob(trx, job, options.owner, now);
  await options.beforeCommit?.(step);
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
    exchange.sent = null;
    exchange.answer = null;
    let result: NcmecResult | null = null;
    let failure = '';
    try {
      result = await phase.prepared.send(ncmec);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const goesOn = await db
      .transaction()
      .execute((trx) => afterStep(trx, server, job, phase, exchange, { result, failure }, options));
    if (!goesOn) return;
  }
}
