import { CSRF_HEADER, CSRF_VALUE } from '../api/endpoints';
import { ActionabilityField, Report, type ReportEditable } from '../api/schemas/report';
import { ReportList } from '../api/schemas/report-workflow';
import { callMock, signInForTest, testBackend } from './mock-server';

/** Report API calls for handler tests, as the console makes them (CSRF header, JSON). */
export async function call(method: string, path: string, cookie: string, body?: unknown) {
  const response = await callMock(path, {
    method,
    cookie,
    headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // an XML download
  }
  return { status: response.status, json, text };
}

export const listReports = async (cookie: string, query = '') =>
  ReportList.parse((await call('GET', `/api/reports?limit=500${query}`, cookie)).json);

export const getReport = async (id: string, cookie: string) =>
  Report.parse((await call('GET', `/api/reports/${id}`, cookie)).json);

export function editable(report: Report): ReportEditable {
  const { incidentSummary, webPages, reportedPerson, additionalInfo, files, notAvailable } = report;
  const { excludedFromTraining } = report;
  return {
    incidentSummary,
    webPages,
    reportedPerson,
    additionalInfo,
    excludedFromTraining,
    files,
    notAvailable,
  };
}

export const NOT_IN_MANIFEST = 'The supplier’s manifest does not carry this field.';

export const CHILD_PORNOGRAPHY = 'Child Pornography (possession, manufacture, and distribution)';

/**
 * Chooses the incident type when none is chosen (a person's choice: drafts leave it empty) and
 * marks every blocking actionability entry not available, so the report can be approved.
 */
export async function explainGaps(report: Report, cookie: string) {
  const { reports } = await listReports(cookie);
  const blockers = reports.find((r) => r.id === report.id)?.completeness.blockers ?? [];
  const notAvailable = [
    ...report.notAvailable,
    ...blockers.flatMap((b) => {
      const field = ActionabilityField.safeParse(b.id);
      return field.success ? [{ field: field.data, reason: NOT_IN_MANIFEST }] : [];
    }),
  ];
  const incidentType = report.incidentSummary.incidentType ?? CHILD_PORNOGRAPHY;
  return call('PUT', `/api/reports/${report.id}`, cookie, {
    version: report.version,
    fields: {
      ...editable(report),
      incidentSummary: { ...report.incidentSummary, incidentType },
      notAvailable,
    },
  });
}

export const transition = async (
  report: Report,
  cookie: string,
  to: string,
  comment: string | null = null,
) =>
  Report.parse(
    (
      await call('POST', `/api/reports/${report.id}/transitions`, cookie, {
        version: report.version,
        to,
        comment,
      })
    ).json,
  );

/**
 * Gives a one-file draft `files` files. Drafts are per incident and uploader, so the demo data may
 * have none of that size: pending items take the provenance of the draft's item (same incident,
 * same uploader) and are confirmed, joining it as newly confirmed items do.
 */
function withFiles(id: string, files: number): string {
  const { reports, items } = testBackend.state;
  const draft = reports.get(id);
  const [held] = reports.itemsOf(draft);
  while (draft.files.length < files) {
    const shas = new Set(draft.files.map((f) => f.sha256));
    const item = items.find((i) => i.status === 'pending' && !shas.has(i.media.sha256));
    if (!held || !item) throw new Error(`no item to add to ${id}`);
    item.provenance = structuredClone(held.provenance);
    item.status = 'confirmed';
    reports.itemChanged(item, new Date());
  }
  return id;
}

/** A draft of `files` files, its gaps explained and submitted by Ana, approved by Sasha. */
export async function approvedReport(files = 1): Promise<Report> {
  const ana = signInForTest('usr_ana').cookie;
  const sasha = signInForTest('usr_sasha').cookie;
  const { reports } = await listReports(ana, '&status=draft');
  const exact = reports.find((r) => r.fileCount === files);
  const id = exact?.id ?? withFiles(reports.find((r) => r.fileCount === 1)?.id ?? '', files);
  const draft = await getReport(id, ana);
  const explained = Report.parse((await explainGaps(draft, ana)).json);
  return transition(await transition(explained, ana, 'in_review'), sasha, 'approved');
}

/**
 * The id of an open draft of at least two files, whose supplier has another open draft too. Drafts
 * are per incident and uploader, so the demo data may have none: then a pending item is given the
 * provenance of a draft's item (same incident, same uploader) and confirmed, and joins it as a
 * newly confirmed item does.
 */
export function draftWithTwoFiles(): string {
  const { reports, items } = testBackend.state;
  const drafts = reports.list().filter((r) => r.status === 'draft');
  const shared = drafts.filter((r) =>
    drafts.some((o) => o.id !== r.id && o.incident.supplier.id === r.incident.supplier.id),
  );
  const existing = shared.find((r) => r.files.length >= 2);
  if (existing) return existing.id;
  const draft = shared[0];
  const [held] = draft ? reports.itemsOf(draft) : [];
  const item = items.find((i) => i.status === 'pending' && i.media.sha256 !== held?.media.sha256);
  if (!draft || !held || !item) throw new Error('no draft to add a file to');
  item.provenance = structuredClone(held.provenance);
  item.status = 'confirmed';
  reports.itemChanged(item, new Date());
  return draft.id;
}
