import type { Transaction } from 'kysely';
import type { ReportUpdate } from '../../api/schemas/report-workflow';
import type { Actor, User } from '../../api/schemas/user';
import { reportChecklist } from '../../domain/report-checklist';
import { canEditReport } from '../../domain/report-permissions';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import { fileEdits } from './draft-file';
import { actorOf, checkVersion, recordReportChange, statusText } from './report-record';
import type { StoredReport } from './report-rows';

export const noteEditor = (list: Actor[], editor: Actor) => {
  if (!list.some((a) => a.id === editor.id)) list.push(editor);
};

/**
 * Saves the editable fields. Open drafts: analysts and supervisors. In review: a supervisor's
 * amendment (on the record as such). Either way whoever saves is one of its editors, who may not
 * approve it. Anything else is closed.
 */
export async function updateReport(
  trx: Transaction<Database>,
  report: StoredReport,
  user: User,
  { version, fields }: ReportUpdate,
  now: Date,
) {
  const amendment = report.status === 'in_review';
  if (!canEditReport(report, user.role)) {
    throw new Refusal(
      'conflict',
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
    throw new Refusal(
      'invalid',
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
  await recordReportChange(trx, report, actorOf(user), now, 'report.updated', { amendment });
}
