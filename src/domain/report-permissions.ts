import type { Report } from '../api/schemas/report';
import type { Role } from '../api/schemas/user';

/**
 * Who may do what to a report, as the server rules (src/server/reports) and the console reads, to
 * show only what can be done and say why the rest cannot.
 */
type Workflow = Pick<Report, 'status' | 'draftEditors' | 'amendedBy' | 'submittedBy'>;

export function canEditReport(report: Pick<Report, 'status'>, role: Role): boolean {
  if (role === 'auditor') return false;
  if (report.status === 'draft' || report.status === 'rejected') return true;
  // In review, a supervisor may amend it, and becomes one of its editors.
  return report.status === 'in_review' && role === 'supervisor';
}

/**
 * Why this person may not review the report (approve it, and so become its reporter and file it,
 * or reject it): whoever changed its content or submitted it. Null when they may.
 */
export type ReviewBar = 'amended' | 'edited' | 'submitted';

export function reviewBar(report: Workflow, userId: string): ReviewBar | null {
  if (report.amendedBy.some((a) => a.id === userId)) return 'amended';
  if (report.draftEditors.some((a) => a.id === userId)) return 'edited';
  if (report.submittedBy?.id === userId) return 'submitted';
  return null;
}

/** Why, in the reviewer's words; the server says the same when it refuses. */
export const reviewBarText: Record<ReviewBar, string> = {
  amended: 'You amended this report: another supervisor must approve it.',
  edited: 'You edited or submitted this draft, so another supervisor must review it.',
  submitted: 'You edited or submitted this draft, so another supervisor must review it.',
};

/** What saving does to a reviewer who has not changed the report yet, said before she saves. */
export const amendmentNotice =
  'Saving amends the report in review: you become one of its editors, and another supervisor must approve it.';
