import { ErrorBody } from '../../../api/schemas/common';
import { Report, type NotAvailable } from '../../../api/schemas/report';
import { ReportUpdate } from '../../../api/schemas/report-workflow';
import { isActionabilityField, reportChecklist } from '../../../domain/report-checklist';
import type { TestClient, TestServer } from '../../testing/test-server';

/**
 * Settles and approves every draft as the people filing it for real would, through the server's
 * API: an analyst chooses the incident type (drafts leave it to a person), marks each
 * actionability entry the data cannot fill as not available with a reason, saves and submits; a
 * supervisor approves. Each request is checked against the contract as the typed client would: a
 * draft that cannot be read or saved as drafted is a finding, not skipped.
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

/** The report the server answered, or why not: its refusal's "code: message", or a bad answer. */
async function answerOf(response: Response): Promise<Report | { refused: string } | string> {
  const json: unknown = await response.json();
  if (!response.ok) {
    const { error } = ErrorBody.parse(json);
    return { refused: `${error.code}: ${error.message}` };
  }
  const report = Report.safeParse(json);
  return report.success ? report.data : firstIssue(report.error);
}

async function settleOne(
  { analyst, supervisor, now }: { analyst: TestClient; supervisor: TestClient; now: Date },
  id: string,
  found: Settled,
) {
  const read = Report.safeParse(await (await analyst.get(`/api/reports/${id}`)).json());
  if (!read.success) {
    found.unsaveable.push(`${id} cannot be read: ${firstIssue(read.error)}`);
    return;
  }
  const asDrafted = ReportUpdate.safeParse({
    version: read.data.version,
    fields: editable(read.data),
  });
  if (!asDrafted.success) {
    found.unsaveable.push(`${id} cannot be saved: ${firstIssue(asDrafted.error)}`);
    return;
  }
  const update = ReportUpdate.safeParse({
    version: read.data.version,
    fields: settledFields(read.data, now),
  });
  if (!update.success) {
    found.unsaveable.push(`${id} cannot be saved settled: ${firstIssue(update.error)}`);
    return;
  }
  let answer = await answerOf(await analyst.send('PUT', `/api/reports/${id}`, update.data));
  const steps = [
    [analyst, 'in_review'],
    [supervisor, 'approved'],
  ] as const;
  for (const [client, to] of steps) {
    if (typeof answer === 'string' || 'refused' in answer) break;
    const body = { version: answer.version, to, comment: null };
    answer = await answerOf(await client.send('POST', `/api/reports/${id}/transitions`, body));
  }
  if (typeof answer === 'string') found.unsaveable.push(`${id} answered unreadably: ${answer}`);
  else if ('refused' in answer) found.notApproved.push(`${id} ${answer.refused}`);
  else found.approved.push(answer);
}

/** Settles and approves every draft the server holds, as Ana (an analyst) and Sasha. */
export async function settleAndApprove(server: TestServer): Promise<Settled> {
  const found: Settled = { approved: [], unsaveable: [], notApproved: [] };
  const people = {
    analyst: await server.signIn('usr_ana'),
    supervisor: await server.signIn('usr_sasha'),
    now: server.clock.now,
  };
  const drafts = await server.database.db
    .selectFrom('reports')
    .select('id')
    .where('status', '=', 'draft')
    .orderBy('id')
    .execute();
  for (const { id } of drafts) await settleOne(people, id, found);
  return found;
}
