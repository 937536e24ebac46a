import type { Transaction } from 'kysely';
import type { FilingStep } from '../../api/schemas/filing';
import type { Actor } from '../../api/schemas/user';
import { preservationDeadline } from '../../domain/preservation';
import type { Database } from '../db/tables';
import { readDecisions } from '../decisions/decision-rows';
import { ncmecCodeMessage } from '../ncmec/ncmec-client';
import { recordReportChange } from './report-record';
import type { StoredReport } from './report-rows';

/** Who stops a filing when an item is no longer confirmed: the server's check, not a person. */
export const FILING_CHECK: Actor = {
  id: 'sys_filing',
  name: 'Filing check',
  role: 'system',
};

const utcMinute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export const pendingStep = (
  step: FilingStep['step'],
  sha256: string | null = null,
): FilingStep => ({ step, sha256, state: 'pending', at: null, ncmecCode: null, message: null });

/**
 * Why the report may not go on to NCMEC's finish: its items no longer all confirmed; or null.
 * The items' rows are read `FOR SHARE`: a decision changing one waits for this transaction, and
 * this one waits for a decision under way, so what is checked stays true until it commits.
 */
export async function unconfirmedReason(
  trx: Transaction<Database>,
  report: StoredReport,
): Promise<string | null> {
  const ids = [...new Set(report.files.flatMap((f) => f.itemIds))].sort();
  if (ids.length === 0) return null;
  const rows = await trx
    .selectFrom('items')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forShare()
    .execute();
  const status = new Map(rows.map((r) => [r.id, r.status]));
  const items = ids.flatMap((id) => {
    const s = status.get(id);
    return s !== undefined && s !== 'confirmed' ? [{ id, status: s }] : [];
  });
  if (items.length === 0) return null;
  const decisions = await readDecisions(
    trx,
    items.map((i) => i.id),
  );
  const described = items.map((item) => {
    const latest = decisions.get(item.id)?.at(-1);
    const what = item.status === 'dismissed' ? 'dismissed' : item.status.replaceAll('_', ' ');
    return latest
      ? `${item.id} (${what} by ${latest.actor.name} at ${utcMinute(latest.at)})`
      : `${item.id} (${what})`;
  });
  return `${described.join(', ')} ${items.length === 1 ? 'is' : 'are'} no longer confirmed`;
}

export async function retracted(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  now: Date,
) {
  report.status = 'retracted';
  if (!report.filing) return;
  report.filing.state = 'retracted';
  report.filing.error = null;
  await recordReportChange(trx, report, actor, now, 'report.retracted', {
    ncmecReportId: report.filing.ncmecReportId,
    reason: report.filing.retraction?.reason ?? null,
  });
}

/**
 * Turns the filing into a retraction, for `reason`: nothing more is submitted and NCMEC is asked
 * to cancel what it opened (`retracting`); when it opened nothing, the report is `retracted` at once.
 */
export async function beginRetraction(
  trx: Transaction<Database>,
  report: StoredReport,
  by: Actor,
  reason: string,
  now: Date,
): Promise<'retracting' | 'retracted'> {
  const filing = report.filing;
  if (!filing) return 'retracted';
  filing.retraction = { reason, by, at: now.toISOString() };
  if (filing.ncmecReportId === null) {
    await retracted(trx, report, by, now);
    return 'retracted';
  }
  if (!filing.steps.some((s) => s.step === 'retract')) filing.steps.push(pendingStep('retract'));
  await recordReportChange(trx, report, by, now, 'report.updated', {
    filing: 'retract',
    reason,
  });
  return 'retracting';
}

/** Stops the filing before NCMEC's finish when an item is no longer confirmed; true if it did. */
export async function stopIfUnconfirmed(
  trx: Transaction<Database>,
  report: StoredReport,
  now: Date,
): Promise<boolean> {
  if (report.filing?.retraction) return false;
  const unconfirmed = await unconfirmedReason(trx, report);
  if (unconfirmed === null) return false;
  const reason = `${unconfirmed}, so the report was not finished: what NCMEC received is retracted. Reopen it as a draft to report what is still confirmed.`;
  await beginRetraction(trx, report, FILING_CHECK, reason, now);
  return true;
}

export async function filed(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  filedAt: string,
  now: Date,
) {
  const filing = report.filing;
  if (!filing?.ncmecReportId) return;
  filing.state = 'finished';
  filing.error = null;
  report.status = 'filed';
  report.filed = {
    ncmecReportId: filing.ncmecReportId,
    filedAt,
    preservationDeadline: preservationDeadline(filedAt),
  };
  await recordReportChange(trx, report, actor, now, 'report.filed', {
    ncmecReportId: filing.ncmecReportId,
  });
}

/** The step failed or got no answer: the filing stops, to be resumed or retracted by a person. */
export async function stop(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  step: FilingStep,
  code: number | null,
  message: string,
  now: Date,
) {
  const filing = report.filing;
  if (!filing) return;
  step.state = 'failed';
  step.message = message;
  filing.state = 'failed';
  filing.error = { ncmecCode: code, message };
  await recordReportChange(trx, report, actor, now, 'report.filing_failed', {
    step: step.step,
    ncmecCode: code,
  });
}

/**
 * NCMEC answered 5102 (already finished) to a step after submit: an earlier finish went through
 * though its answer was lost. The report is filed, as of that finish; nothing is sent again.
 */
export async function finishedAtNcmec(
  trx: Transaction<Database>,
  report: StoredReport,
  actor: Actor,
  step: FilingStep,
  now: Date,
) {
  const finish = report.filing?.steps.find((s) => s.step === 'finish');
  if (finish && finish !== step && finish.state !== 'done') {
    finish.state = 'done';
    finish.message =
      'NCMEC’s answer to this finish was lost; its later answer 5102 (already finished) shows that the finish went through.';
  }
  step.state = step === finish ? 'done' : 'failed';
  step.message =
    step.step === 'retract'
      ? 'Not retracted: NCMEC had already finished the report (5102), so it is filed.'
      : ncmecCodeMessage(5102);
  await filed(trx, report, actor, finish?.at ?? now.toISOString(), now);
}

/** The next step to send: a retraction first, once asked for; else the first not done. */
export function nextStep(steps: readonly FilingStep[]): FilingStep | undefined {
  return (
    steps.find((s) => s.step === 'retract' && s.state !== 'done') ??
    steps.find((s) => s.step !== 'retract' && s.state !== 'done')
  );
}
