import type { FilingStep } from '../../../api/schemas/filing';
import type { FilingAction } from '../../../api/schemas/report-workflow';
import type { User } from '../../../api/schemas/user';
import { blockers, reportChecklist } from '../../../domain/report-checklist';
import type { MockState } from '../backend';
import { actorOf } from '../decisions';
import { beginRetraction, runFiling, unconfirmedReason } from './filing-run';
import { checkVersion, recordReportChange } from './record';
import { ReportRefusal, refuseNcmecRefused } from './refusal';
import type { StoredReport } from './store';

export const pendingStep = (
  step: FilingStep['step'],
  sha256: string | null = null,
): FilingStep => ({
  step,
  sha256,
  state: 'pending',
  at: null,
  ncmecCode: null,
  message: null,
});

/**
 * The CyberTipline filing (NCMEC's Reporting API), run by the server: `submit` → `upload`
 * per file → `fileinfo` per file → `finish`. Each step done is kept with its result and never
 * sent again, so a stopped filing resumes where it stopped and a report is never filed twice; it
 * can be retracted instead. Only the approving supervisor, the report's reporter, files it. The
 * run itself, with its checks, is in `filing-run.ts`.
 */
export function fileReport(
  state: MockState,
  report: StoredReport,
  user: User,
  { version, action }: FilingAction,
  clock: () => Date,
): void {
  checkVersion(report, version);
  const now = clock();
  // The reporter files: starts, resumes and retracts.
  if (report.reporter?.userId !== user.id) {
    throw new ReportRefusal(
      403,
      'forbidden',
      `Only ${report.reporter?.name ?? 'the approving supervisor'}, who approved it and is its reporter, can file it.`,
    );
  }
  const filing = report.filing;
  if (action === 'start') {
    if (report.status !== 'approved') {
      throw new ReportRefusal(409, 'not_approved', 'Only an approved report can be filed.');
    }
    const unconfirmed = unconfirmedReason(state, report);
    if (unconfirmed !== null)
      throw new ReportRefusal(409, 'not_confirmed', `${unconfirmed}: reopen the report.`);
    const entries = reportChecklist(report, now);
    refuseNcmecRefused(entries);
    const blocking = blockers(entries, 'file');
    if (blocking.length > 0) {
      throw new ReportRefusal(
        409,
        'incomplete',
        `Not complete: ${blocking.map((e) => e.label).join(', ')}.`,
      );
    }
    report.status = 'filing';
    report.filing = {
      state: 'running',
      startedBy: actorOf(user),
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
    recordReportChange(state, report, actorOf(user), now, 'report.filing_started', {
      filing: action,
    });
  } else {
    if (report.status !== 'filing' || !filing || filing.state !== 'failed') {
      throw new ReportRefusal(
        409,
        'not_stopped',
        'Only a filing that stopped can be resumed or retracted.',
      );
    }
    filing.state = 'running';
    filing.error = null;
    recordReportChange(state, report, actorOf(user), now, 'report.updated', { filing: action });
    // A resumed filing checks its items before its next step, and retracts if one is unconfirmed.
    if (action === 'retract' && filing.retraction === null) {
      const stopped = filing.steps.find((s) => s.state === 'failed')?.message ?? 'it stopped';
      const reason = `${user.name} retracted it after the filing stopped: ${stopped}`;
      // Retracted at once when NCMEC had opened nothing: there is nothing to run.
      if (beginRetraction(state, report, actorOf(user), reason, now) === 'retracted') return;
    }
  }
  void runFiling(state, report, user, clock);
}
