import type { Transaction } from 'kysely';
import type { FilingAction } from '../../api/schemas/report-workflow';
import type { User } from '../../api/schemas/user';
import { blockers, reportChecklist } from '../../domain/report-checklist';
import type { Database } from '../db/tables';
import type { NcmecAccess } from '../ncmec/ncmec-settings';
import { Refusal } from '../refusal';
import { queueFilingJob } from './filing-jobs';
import { beginRetraction, pendingStep, unconfirmedReason } from './filing-outcomes';
import { refuseNcmecRefused } from './refuse-ncmec';
import { actorOf, checkVersion, recordReportChange } from './report-record';
import { readReport, type StoredReport } from './report-rows';

/** Filing is refused, with what to set, while this server has no way to NCMEC. */
function refuseWithoutNcmec(ncmec: NcmecAccess) {
  if (ncmec.kind === 'unavailable')
    throw new Refusal('unavailable', 'ncmec_unavailable', ncmec.message);
}

/**
 * The CyberTipline filing (NCMEC's Reporting API), decided here and run by a filing job:
 * `submit` → `upload` per file → `fileinfo` per file → `finish`. Each step done is kept with its
 * result and never sent again, so a stopped filing resumes where it stopped and a report is never
 * filed twice; it can be retracted instead. Only the approving supervisor, the report's reporter,
 * files it. The job is queued in this transaction: the decision and its job commit together.
 */
export async function fileReport(
  trx: Transaction<Database>,
  ncmec: NcmecAccess,
  reportId: string,
  user: User,
  { version, action }: FilingAction,
  now: Date,
): Promise<StoredReport> {
  const report = await readReport(trx, reportId, { lock: true });
  checkVersion(report, version);
  // The reporter files: starts, resumes and retracts.
  if (report.reporter?.userId !== user.id) {
    throw new Refusal(
      'forbidden',
      'forbidden',
      `Only ${report.reporter?.name ?? 'the approving supervisor'}, who approved it and is its reporter, can file it.`,
    );
  }
  const actor = actorOf(user);
  const filing = report.filing;
  if (action === 'start') {
    if (report.status !== 'approved')
      throw new Refusal('conflict', 'not_approved', 'Only an approved report can be filed.');
    const unconfirmed = await unconfirmedReason(trx, report);
    if (unconfirmed !== null)
      throw new Refusal('conflict', 'not_confirmed', `${unconfirmed}: reopen the report.`);
    const entries = reportChecklist(report, now);
    refuseNcmecRefused(entries);
    const blocking = blockers(entries, 'file');
    if (blocking.length > 0) {
      throw new Refusal(
        'conflict',
        'incomplete',
        `Not complete: ${blocking.map((e) => e.label).join(', ')}.`,
      );
    }
    refuseWithoutNcmec(ncmec);
    report.status = 'filing';
    report.filing = {
      state: 'running',
      startedBy: actor,
      startedAt: now.toISOString(),
      ncmecReportId: null,
      steps: [
        pendingStep('submit'),
        ...report.files.flatMap((f) => [
          pendingStep('upload', f.sha256),
          pendingStep('fileinfo', f.sha256),
        ]),
        pendingStep('finish'),
      ],
      error: null,
      retraction: null,
    };
    await recordReportChange(trx, report, actor, now, 'report.filing_started', { filing: action });
  } else {
    if (report.status !== 'filing' || !filing || filing.state !== 'failed') {
      throw new Refusal(
        'conflict',
        'not_stopped',
        'Only a filing that stopped can be resumed or retracted.',
      );
    }
    filing.state = 'running';
    filing.error = null;
    // A retraction of what NCMEC never opened needs no NCMEC; everything else does.
    if (action === 'resume' || filing.ncmecReportId !== null) refuseWithoutNcmec(ncmec);
    await recordReportChange(trx, report, actor, now, 'report.updated', { filing: action });
    // A resumed filing checks its items before its next step, and retracts if one is unconfirmed.
    if (action === 'retract' && filing.retraction === null) {
      const stopped = filing.steps.find((s) => s.state === 'failed')?.message ?? 'it stopped';
      const reason = `${user.name} retracted it after the filing stopped: ${stopped}`;
      // Retracted at once when NCMEC had opened nothing: there is nothing to run.
      if ((await beginRetraction(trx, report, actor, reason, now)) === 'retracted') return report;
    }
  }
  await queueFilingJob(trx, report.id, actor, now);
  return report;
}
