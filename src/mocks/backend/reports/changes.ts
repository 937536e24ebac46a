import type { Report } from '../../../api/schemas/report';
import type {
  ReportFileMove,
  ReportTransition,
  ReportUpdate,
} from '../../../api/schemas/report-workflow';
import type { Actor, User } from '../../../api/schemas/user';
import { blockers, reportChecklist } from '../../../domain/report-checklist';
import { canEditReport, reviewBar, reviewBarText } from '../../../domain/report-permissions';
import type { MockState } from '../backend';
import { checkVersion, noFilingRecords, recordReportChange } from './record';
import { ReportRefusal, refuseNcmecRefused } from './refusal';
import { actorOf } from '../decisions';
import { draftFields, fileEdits } from '../../../server/reports/draft-fields';
import { openStatuses, type StoredReport } from './store';
import { refuseResent } from './supplemental';

const statusText: Record<Report['status'], string> = {
  draft: 'a draft',
  in_review: 'in review',
  approved: 'approved',
  filing: 'being filed',
  filed: 'filed',
  rejected: 'rejected',
  retracted: 'retracted',
};

const noteEditor = (list: Actor[], editor: Actor) => {
  if (!list.some((a) => a.id === editor.id)) list.push(editor);
};

/**
 * Saves the editable fields. Open drafts: analysts and supervisors. In review: a supervisor's
 * amendment (on the record as such). Either way whoever saves is one of its editors, who may not
 * approve it. Anything else is closed.
 */
export function updateReport(
  state: MockState,
  report: StoredReport,
  user: User,
  { version, fields }: ReportUpdate,
  now: Date,
) {
  const amendment = report.status === 'in_review';
  if (!canEditReport(report, user.role)) {
    throw new ReportRefusal(
      409,
      'not_editable',
      amendment
        ? 'A report in review can be amended only by a supervisor reviewing it.'
        : `Report ${report.id} is ${statusText[report.status]}: it can no longer be edited.${report.status === 'filed' ? ' Start a supplemental report to add to it.' : ''}`,
    );
  }
  checkVersion(report, version);
  const bySha = new Map(fields.files.map((f) => [f.sha256, f]));
  if (
    fields.files.length !== report.files.length ||
    report.files.some((f) => !bySha.has(f.sha256))
  ) {
    throw new ReportRefusal(
      400,
      'files_mismatch',
      'The files sent are not this report’s files: reload it.',
    );
  }
  const { files: _files, ...reportFields } = fields;
  Object.assign(report, reportFields);
  report.files = report.files.map((file) => {
    const edit = bySha.get(file.sha256);
    return edit ? { ...file, ...fileEdits({ ...file, ...edit }) } : file;
  });
  // A reason is kept only for what is still missing: it is evidence against the supplier.
  const present = new Set(
    reportChecklist(report, now)
      .filter((e) => e.state === 'present')
      .map((e) => e.id),
  );
  report.notAvailable = report.notAvailable.filter((n) => !present.has(n.field));
  noteEditor(report.draftEditors, actorOf(user));
  if (amendment) noteEditor(report.amendedBy, actorOf(user));
  recordReportChange(state, report, actorOf(user), now, 'report.updated', { amendment });
}

/** Moves one file (every item with its SHA-256) to another open draft of the supplier, or a new one. */
export function moveReportFile(
  state: MockState,
  from: StoredReport,
  user: User,
  { version, sha256, to }: ReportFileMove,
  now: Date,
): StoredReport {
  checkVersion(from, version);
  const file = from.files.find((f) => f.sha256 === sha256);
  if (!file)
    throw new ReportRefusal(404, 'not_found', `Report ${from.id} holds no file ${sha256}.`);
  const store = state.reports;
  let target = to === null ? null : store.get(to);
  for (const report of [from, target]) {
    if (report && !openStatuses.includes(report.status)) {
      throw new ReportRefusal(
        409,
        'not_editable',
        `Report ${report.id} is ${statusText[report.status]}: files move only between open drafts.`,
      );
    }
  }
  if (target && target.incident.supplier.id !== from.incident.supplier.id) {
    throw new ReportRefusal(
      400,
      'other_supplier',
      `Report ${target.id} is for another supplier (${target.incident.supplier.name}).`,
    );
  }
  if (target?.id === from.id)
    throw new ReportRefusal(400, 'same_report', 'The file is already in this report.');
  if (target) refuseResent(state, target, [sha256]);
  const moving = new Set(file.itemIds);
  const items = store.itemsOf(from);
  const movingItems = items.filter((i) => moving.has(i.id));
  if (!target) {
    // A new draft for the same incident, its report fields drawn from the file's own items.
    target = {
      ...structuredClone(from),
      ...draftFields(movingItems, [file], now),
      id: store.nextId(),
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      draftEditors: [],
      amendedBy: [],
      submittedBy: null,
      review: null,
      status: 'draft',
      ...noFilingRecords(),
      files: [file],
    };
    store.regroup(target, movingItems);
    store.add(target);
  } else {
    // The file arrives with what people edited on it.
    target.files.push(file);
    store.regroup(target, store.itemsOf(target));
    recordReportChange(state, target, actorOf(user), now, 'report.updated', {
      movedIn: sha256,
      from: from.id,
    });
  }
  store.regroup(
    from,
    items.filter((i) => !moving.has(i.id)),
  );
  // The mover changed both; whoever edited the file in the report it left, edited it here too.
  for (const editor of [...from.draftEditors, actorOf(user)])
    noteEditor(target.draftEditors, editor);
  noteEditor(from.draftEditors, actorOf(user));
  recordReportChange(state, from, actorOf(user), now, 'report.updated', {
    movedOut: sha256,
    to: target.id,
  });
  return target;
}

/** Submit, approve, reject, reopen: the report's status workflow. */
export function transitionReport(
  state: MockState,
  report: StoredReport,
  user: User,
  { version, to, comment }: ReportTransition,
  now: Date,
) {
  checkVersion(report, version);
  // 403 forbidden: not this role; 403 four_eyes: not this person; 409: not now (the status, or
  // the checklist: incomplete).
  const refuse = (
    message: string,
    status: 403 | 409 = 409,
    code = status === 403 ? 'forbidden' : 'invalid_transition',
  ) => {
    throw new ReportRefusal(status, code, message);
  };
  const at = now.toISOString();
  if (to === 'in_review') {
    if (!openStatuses.includes(report.status))
      refuse(`Only a draft can be submitted; report ${report.id} is ${statusText[report.status]}.`);
    if (report.files.length === 0)
      refuse(
        report.priorReport
          ? 'A supplemental report carries only what is new: it has no new file yet.'
          : 'An empty report cannot be submitted.',
      );
    refuseResent(
      state,
      report,
      report.files.map((f) => f.sha256),
    );
    refuseNcmecRefused(reportChecklist(report, now));
    report.status = 'in_review';
    report.submittedBy = actorOf(user);
    return recordReportChange(state, report, actorOf(user), now, 'report.submitted', {});
  }
  if (to === 'draft') {
    if (report.status !== 'retracted')
      refuse(
        `Only a retracted report can be reopened; report ${report.id} is ${statusText[report.status]}.`,
      );
    if (user.role !== 'supervisor') refuse('Only a supervisor reopens a retracted report.', 403);
    Object.assign(report, {
      status: 'draft',
      review: null,
      reporter: null,
      filing: null,
      submittedBy: null,
      // A new filing opens a new report at NCMEC; what the last attempt exchanged stays kept.
      ncmecFileIds: {},
      viewedAsSent: {},
    });
    // Items no longer confirmed (the reason a filing may have been retracted) leave it.
    state.reports.regroup(
      report,
      state.reports.itemsOf(report).filter((i) => i.status === 'confirmed'),
    );
    recordReportChange(state, report, actorOf(user), now, 'report.reopened', {});
    return;
  }
  // A review: approve or reject.
  if (user.role !== 'supervisor') refuse('Only a supervisor reviews a report.', 403);
  if (report.status !== 'in_review')
    refuse(
      `Only a report in review can be reviewed; report ${report.id} is ${statusText[report.status]}.`,
    );
  const bar = reviewBar(report, user.id);
  if (bar) refuse(reviewBarText[bar].replace(/\.$/, ' (four eyes).'), 403, 'four_eyes');
  if (to === 'rejected') {
    if (!comment)
      throw new ReportRefusal(
        400,
        'comment_required',
        'Say what must change: a rejection needs a comment.',
      );
    report.status = 'rejected';
    report.review = { outcome: 'rejected', by: actorOf(user), at, comment };
    return recordReportChange(state, report, actorOf(user), now, 'report.rejected', { comment });
  }
  const entries = reportChecklist(report, now);
  refuseNcmecRefused(entries);
  const blocking = blockers(entries, 'approve');
  if (blocking.length > 0) {
    refuse(
      `Not complete: ${blocking.map((e) => e.label).join(', ')}. Fill each in, or mark it not available and say why.`,
      409,
      'incomplete',
    );
  }
  report.status = 'approved';
  report.review = { outcome: 'approved', by: actorOf(user), at, comment: comment || null };
  // The approving supervisor files it, and is its reporter.
  report.reporter = { userId: user.id, name: user.name, email: user.email };
  recordReportChange(state, report, actorOf(user), now, 'report.approved', {});
}
