import type { Report } from '../api/schemas/report';
import type { Role } from '../api/schemas/user';

/**
 * Who may do what to a report, as the server rules (mocks/backend/reports) and the console reads, to
 * show only what can be done and say why the rest cannot.
 */
type Workflow = Pick<Report, 'status' | 'draftEditors' | 'submittedBy'>;

export function canEditReport(report: Pick<Report, 'status'>, role: Role): boolean {
  if (role === 'auditor') return false;
  if (report.status === 'draft' || report.status === 'rejected') return true;
  // In review, the reviewing supervisor may amend it.
  return report.status === 'in_review' && role === 'supervisor';
}

/** Whether this person edited or submitted the draft: then someone else must review it. */
export const isDraftEditor = (report: Workflow, userId: string) =>
  report.draftEditors.some((a) => a.id === userId) || report.submittedBy?.id === userId;
