import { Report, type NotAvailable } from '../../api/schemas/report';
import { ReportUpdate } from '../../api/schemas/report-workflow';
import type { User } from '../../api/schemas/user';
import { isActionabilityField, reportChecklist } from '../../domain/report-checklist';
import type { Backend } from '../backend/backend';
import { transitionReport, updateReport } from '../backend/reports/changes';
import { ReportRefusal } from '../backend/reports/refusal';
import type { StoredReport } from '../backend/reports/store';

/**
 * Settles and approves every draft as the people filing it for real would, through the backend's
 * own rules: an analyst chooses the incident type (drafts leave it to a person), marks each
 * actionability entry the data cannot fill as not available with a reason, saves and submits; a
 * supervisor approves. Each request is checked against the contract as the typed client and the
 * server would: a draft that cannot be read or saved as drafted is a finding, not skipped.
 */

export const AUDIT_REASON = 'The supplier’s data holds no value for this field (report audit).';
const INCIDENT_TYPE = 'Child Pornography (possession, manufacture, and distribution)';

export interface Settled {
  /** The approved reports, as the API shows them (their documents are what NCMEC would get). */
  approved: Report[];
  /** "rpt_… why" for each draft that could not be read, saved, submitted or approved. */
  unsaveable: string[];
  notApproved: string[];
}

const userOf = (backend: Backend, id: string): User => {
  const user = backend.state.users.get(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
};

const firstIssue = (error: { issues: readonly { path: PropertyKey[]; message: string }[] }) =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
    .join('; ');

/** The editable fields as the editor sends them back. */
export const editable = (r: Report) => ({
  incidentSummary: r.incidentSummary,
  webPages: r.webPages,
  reportedPerson: r.reportedPerson,
  additionalInfo: r.additionalInfo,
  excludedFromTraining: r.excludedFromTraining,
  files: r.files,
  notAvailable: r.notAvailable,
});

/** What the analyst fills in: the incident type, and a reason for each gap left. */
function settledFields(report: Report, now: Date) {
  const gaps: NotAvailable[] = reportChecklist(report, now).flatMap((entry) =>
    entry.state === 'missing' && isActionabilityField(entry.id)
      ? [{ field: entry.id, reason: AUDIT_REASON }]
      : [],
  );
  return {
    ...editable(report),
    incidentSummary: {
      ...report.incidentSummary,
      incidentType: report.incidentSummary.incidentType ?? INCIDENT_TYPE,
    },
    notAvailable: [...report.notAvailable, ...gaps],
  };
}

function settleOne(backend: Backend, stored: StoredReport, found: Settled) {
  const { reports } = backend.state;
  const now = backend.now();
  const read = Report.safeParse(reports.present(stored));
  if (!read.success) {
    found.unsaveable.push(`${stored.id} cannot be read: ${firstIssue(read.error)}`);
    return;
  }
  const asDrafted = ReportUpdate.safeParse({
    version: read.data.version,
    fields: editable(read.data),
  });
  if (!asDrafted.success) {
    found.unsaveable.push(`${stored.id} cannot be saved: ${firstIssue(asDrafted.error)}`);
    return;
  }
  const update = ReportUpdate.safeParse({
    version: read.data.version,
    fields: settledFields(read.data, now),
  });
  if (!update.success) {
    found.unsaveable.push(`${stored.id} cannot be saved settled: ${firstIssue(update.error)}`);
    return;
  }
  const analyst = userOf(backend, 'usr_ana');
  const supervisor = userOf(backend, 'usr_sasha');
  try {
    updateReport(backend.state, stored, analyst, update.data, now);
    const submit = { version: stored.version, to: 'in_review', comment: null } as const;
    transitionReport(backend.state, stored, analyst, submit, now);
    const approve = { version: stored.version, to: 'approved', comment: null } as const;
    transitionReport(backend.state, stored, supervisor, approve, now);
  } catch (error) {
    if (!(error instanceof ReportRefusal)) throw error;
    found.notApproved.push(`${stored.id} ${error.code}: ${error.message}`);
    return;
  }
  const approved = Report.safeParse(reports.present(stored));
  if (approved.success) found.approved.push(approved.data);
  else found.unsaveable.push(`${stored.id} cannot be read approved: ${firstIssue(approved.error)}`);
}

/** Settles and approves every open draft of the backend. */
export function settleAndApprove(backend: Backend): Settled {
  const found: Settled = { approved: [], unsaveable: [], notApproved: [] };
  const drafts = backend.state.reports.list().filter((r) => r.status === 'draft');
  for (const stored of drafts) settleOne(backend, stored, found);
  return found;
}
