import type { Transaction } from 'kysely';
import type { Actor } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import type { NcmecResult } from '../ncmec/ncmec-client';
import { recordAnswer, stepInFlight } from './filing-answer';
import type { InFlight, KeptAnswer } from './filing-jobs';
import { stop } from './filing-outcomes';
import { recordStep } from './filing-records';
import type { StoredReport } from './report-rows';

const bytesOf = (text: string | null) => (text === null ? null : new TextEncoder().encode(text));

/** The kept answer as the NCMEC client reads one: the fields it answered, and no others. */
function resultOf({ result }: KeptAnswer): NcmecResult {
  const { code, description, reportId, fileId, md5, files } = result;
  return {
    code,
    description,
    ...(reportId === undefined ? {} : { reportId }),
    ...(fileId === undefined ? {} : { fileId }),
    ...(md5 === undefined ? {} : { md5 }),
    ...(files === undefined ? {} : { files }),
  };
}

/**
 * A run died while this step was in flight. When NCMEC's answer had reached the server, it was
 * kept with the step: it is recorded now, as the run would have, and the filing goes on from it.
 * Otherwise NCMEC may or may not have done the step; the attempt goes on the record as
 * unanswered, with the document it sent, and:
 * - a finish or a retraction is sent again: NCMEC answers a second one 5102 or 5101, which shows
 *   the first went through, so the report is never filed twice;
 * - a submit is sent again: if NCMEC opened a report from the first, that report is never
 *   finished (only the report whose id the server holds ever is), and NCMEC cancels it
 *   unfinished (24 h after opening, or 1 h after its last change). NCMEC files only what is
 *   finished, so the report is filed once;
 * - an upload or a fileinfo is not: a second upload would add the file to the report twice. The
 *   filing stops (`stopped`) for a person to resume or retract.
 * The caller saves the report.
 */
export async function recoverInFlight(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  inFlight: InFlight,
  now: Date,
): Promise<void> {
  const step = stepInFlight(report, inFlight);
  if (!step) return;
  const sent = bytesOf(inFlight.sent);
  if (inFlight.answer) {
    const answer = new Uint8Array(Buffer.from(inFlight.answer.body, 'base64'));
    const outcome = { exchange: { sent, answer }, result: resultOf(inFlight.answer), failure: '' };
    await recordAnswer(trx, report, actor, inFlight, outcome, now);
    return;
  }
  step.at = inFlight.at;
  step.ncmecCode = null;
  await recordStep(trx, report, actor, step, { sent, answer: null }, null, now);
  const lost = `the server stopped at ${inFlight.at} while this ${step.step} was in flight`;
  if (step.step === 'finish' || step.step === 'retract') {
    step.message = `No answer from NCMEC: ${lost}. Sent again: NCMEC refuses a second ${step.step}, which shows the first went through.`;
    return;
  }
  if (step.step === 'submit') {
    step.message = `No answer from NCMEC: ${lost}. Submitted again: a report NCMEC may have opened from the first is never finished, and NCMEC cancels it unfinished.`;
    return;
  }
  const then = 'Resume to try again, or retract it.';
  await stop(trx, report, actor, step, null, `No answer from NCMEC: ${lost}. ${then}`, now);
}
