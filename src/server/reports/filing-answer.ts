import type { Transaction } from 'kysely';
import type { Actor } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import { ncmecCodeMessage, type NcmecResult } from '../ncmec/ncmec-client';
import type { InFlight } from './filing-jobs';
import { filed, finishedAtNcmec, retracted, stop, stopIfUnconfirmed } from './filing-outcomes';
import { recordStep, type Exchange } from './filing-records';
import type { StoredReport } from './report-rows';

/** What came back for the step in flight: NCMEC's answer and the bytes exchanged, or why none. */
export interface StepOutcome {
  exchange: Exchange;
  result: NcmecResult | null;
  /** Why no answer came, when none did. */
  failure: string;
}

/** The step in flight as the report has it, unless it is done already. */
export const stepInFlight = (report: StoredReport, inFlight: InFlight) =>
  report.filing?.steps.find(
    (s) => s.step === inFlight.step && s.sha256 === inFlight.sha256 && s.state !== 'done',
  );

/**
 * Records the answer to the step in flight and what it means, in the caller's transaction, which
 * holds the items' rows (`lockForFiling`), so the check that every item is still confirmed goes
 * with it: 0 done; 5102 filed already (a finish whose answer was lost); a retraction answered
 * 5101 or 5001 is done too (NCMEC cancelled it already, or it expired); anything else, or no
 * answer, stops the filing. The caller saves the report.
 */
export async function recordAnswer(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  inFlight: InFlight,
  { exchange, result, failure }: StepOutcome,
  now: Date,
) {
  const filing = report.filing;
  const step = stepInFlight(report, inFlight);
  if (!filing || !step) throw new Error(`filing of ${report.id} lost its ${inFlight.step} step`);
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
    if (step.step === 'fileinfo' && step.sha256 && inFlight.viewed)
      report.viewedAsSent[step.sha256] = {
        viewed: inFlight.viewed.viewed,
        evidence: inFlight.viewed.evidence,
        sentAt: step.at,
        afterSeq: inFlight.afterSeq ?? 0,
      };
    if (step.step === 'finish') await filed(trx, report, actor, step.at, now);
    else await stopIfUnconfirmed(trx, report, now);
  }
}
