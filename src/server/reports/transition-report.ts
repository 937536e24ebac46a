import type { Transaction } from 'kysely';
import type { ReportTransition } from '../../api/schemas/report-workflow';
import type { User } from '../../api/schemas/user';
import { blockers, reportChecklist } from '../../domain/report-checklist';
import { reviewBar, reviewBarText } from '../../domain/report-permissions';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import { itemsOfReport, noFilingRecords, regroup } from './drafting';
import { refuseNcmecRefused } from './refuse-ncmec';
import {
  actorOf,
  checkVersion,
  openStatuses,
  recordReportChange,
  statusText,
} from './report-record';
import type { StoredReport } from './report-rows';
import { refuseResent } from './supplemental';

/** 403 forbidden: not this role; 403 four_eyes: not this person; 409: not now. */
function refuse(
  message: string,
  kind: 'forbidden' | 'conflict' = 'conflict',
  code?: string,
): never {
  throw new Refusal(
    kind,
    code ?? (kind === 'forbidden' ? 'forbidden' : 'invalid_transition'),
    message,
  );
}

async function submit(trx: Transaction<Database>, report: StoredReport, user: User, now: Date) {
  if (!openStatuses.includes(report.status))
    refuse(`Only a draft can be submitted; report ${report.id} is ${statusText[report.status]}.`);
  if (report.files.length === 0)
    refuse(
      report.priorReport
        ? 'A supplemental report carries only what is new: it has no new file yet.'
        : 'An empty report cannot be submitted.',
    );
  await refuseResent(
    trx,
    report,
    report.files.map((f) => f.sha256),
  );
  refuseNcmecRefused(reportChecklist(report, now));
  report.status = 'in_review';
  report.submittedBy = actorOf(user);
  await recordReportChange(trx, report, actorOf(user), now, 'report.submitted', {});
}

async function reopen(trx: Transaction<Database>, report: StoredReport, user: User, now: Date) {
  if (report.status !== 'retracted')
    refuse(
      `Only a retracted report can be reopened; report ${report.id} is ${statusText[report.status]}.`,
    );
  if (user.role !== 'supervisor')
    refuse('Only a supervisor reopens a retracted report.', 'forbidden');
  Object.assign(report, {
    status: 'draft',
    review: null,
    reporter: null,
    filing: null,
    submittedBy: null,
    // A new filing opens a new report at NCMEC; what the last attempt exchanged stays kept.
    ...noFilingRecords(),
  });
  // Items no longer confirmed (the reason a filing may have been retracted) leave it.
  await regroup(
    trx,
    report,
    (await itemsOfReport(trx, report)).filter((i) => i.status === 'confirmed'),
    now,
  );
  await recordReportChange(trx, report, actorOf(user), now, 'report.reopened', {});
}

/** Submit, approve, reject, reopen: the report's status workflow. */
export async function transitionReport(
  trx: Transaction<Database>,
  report: StoredReport,
  user: User,
  { version, to, comment }: ReportTransition,
  now: Date,
) {
  checkVersion(report, version);
  if (to === 'in_review') return submit(trx, report, user, now);
  if (to === 'draft') return reopen(trx, report, user, now);
  // A review: approve or reject.
  if (user.role !== 'supervisor') refuse('Only a supervisor reviews a report.', 'forbidden');
  if (report.status !== 'in_review')
    refuse(
      `Only a report in review can be reviewed; report ${report.id} is ${statusText[report.status]}.`,
    );
  const bar = reviewBar(report, user.id);
  if (bar) refuse(reviewBarText[bar].replace(/\.$/, ' (four eyes).'), 'forbidden', 'four_eyes');
  const at = now.toISOString();
  if (to === 'rejected') {
    if (!comment?.trim())
      throw new Refusal(
        'invalid',
        'comment_required',
        'Say what must change: a rejection needs a comment.',
      );
    report.status = 'rejected';
    report.review = { outcome: 'rejected', by: actorOf(user), at, comment };
    await recordReportChange(trx, report, actorOf(user), now, 'report.rejected', { comment });
    return;
  }
  const entries = reportChecklist(report, now);
  refuseNcmecRefused(entries);
  const blocking = blockers(entries, 'approve');
  if (blocking.length > 0) {
    refuse(
      `Not complete: ${blocking.map((e) => e.label).join(', ')}. Fill each in, or mark it not available and say why.`,
      'conflict',
      'incomplete',
    );
  }
  report.status = 'approved';
  report.review = { outcome: 'approved', by: actorOf(user), at, comment: comment || null };
  // The approving supervisor files it, and is its reporter.
  report.reporter = { userId: user.id, name: user.name, email: user.email };
  await recordReportChange(trx, report, actorOf(user), now, 'report.approved', {});
}
