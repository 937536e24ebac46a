import type { Transaction } from 'kysely';
import type { Actor } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import type { InFlight } from './filing-jobs';
import { stop } from './filing-outcomes';
import { recordStep } from './filing-records';
import type { StoredReport } from './report-rows';

/**
 * A run died while this step was in flight: NCMEC may or may not have done it, and its answer was
 * never recorded. The attempt goes on the record as unanswered, with the document it sent.
 * Then, as for any answer that never arrives, nothing NCMEC may have done is done again blindly:
 * - a finish or a retraction is sent again: NCMEC answers a second one 5102 or 5101, which says
 *   the first went through, so the run goes on (`again`) and never files twice;
 * - a submit, an upload or a fileinfo is not: a second submit would open a second report at NCMEC,
 *   a second upload add the file twice. The filing stops (`stopped`) for a person to resume
 *   (a report NCMEC opened and never saw finished lapses there unfinished) or retract.
 */
export async function recoverInFlight(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  inFlight: InFlight,
  now: Date,
): Promise<'again' | 'stopped'> {
  const step = report.filing?.steps.find(
    (s) => s.step === inFlight.step && s.sha256 === inFlight.sha256 && s.state !== 'done',
  );
  if (!step) return 'again';
  step.at = inFlight.at;
  step.ncmecCode = null;
  const sent = inFlight.sent === null ? null : new TextEncoder().encode(inFlight.sent);
  await recordStep(trx, report, actor, step, { sent, answer: null }, null, now);
  const lost = `the server stopped at ${inFlight.at} while this ${step.step} was in flight`;
  if (step.step === 'finish' || step.step === 'retract') {
    step.message = `No answer from NCMEC: ${lost}. Sent again: NCMEC refuses a second ${step.step}, which shows the first went through.`;
    return 'again';
  }
  const then =
    step.step === 'submit'
      ? 'Resume to submit it again (a report NCMEC may have opened lapses there unfinished) or retract it.'
      : 'Resume to try again, or retract it.';
  await stop(trx, report, actor, step, null, `No answer from NCMEC: ${lost}. ${then}`, now);
  return 'stopped';
}
