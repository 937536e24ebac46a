import type { APIRequestContext } from '@playwright/test';
import { Report } from '../src/api/schemas/report';
import { ReportList, type ReportSummary } from '../src/api/schemas/report-workflow';
import { expect, type Page, type SignInElsewhere } from './fixtures';

/** Report setup through the API, for the report specs: drafts, approval, filing. */

export const csrf = { 'X-Verity-CSRF': '1' };

export async function drafts(request: APIRequestContext) {
  return ReportList.parse(await (await request.get('/api/reports?status=draft&limit=500')).json())
    .reports;
}

export const CHILD_PORNOGRAPHY = 'Child Pornography (possession, manufacture, and distribution)';
/** What a person must choose on every draft: the incident type. */
const chosenByAPerson = new Set(['incident_type']);

/**
 * A draft whose gaps, once its incident type is chosen, are a few actionability fields: it can be
 * completed by explaining them.
 */
export async function draftWithGaps(request: APIRequestContext) {
  const gapsOf = (r: ReportSummary) =>
    r.completeness.blockers.filter((b) => !chosenByAPerson.has(b.id));
  const draft = (await drafts(request)).find((r) => gapsOf(r).length > 0 && gapsOf(r).length <= 3);
  expect(draft, 'a draft with a few gaps').toBeDefined();
  return { draft, gaps: draft ? gapsOf(draft) : [] };
}

/** Its gaps explained and submitted by one session, approved by the supervisor's: through the API. */
export async function approveThroughApi(analyst: APIRequestContext, supervisor: APIRequestContext) {
  const { draft, gaps } = await draftWithGaps(analyst);
  const id = draft?.id ?? '';
  const read = async () => Report.parse(await (await supervisor.get(`/api/reports/${id}`)).json());
  let report = await read();
  const { incidentSummary, webPages, reportedPerson, additionalInfo, files } = report;
  await analyst.put(`/api/reports/${id}`, {
    headers: csrf,
    data: {
      version: report.version,
      fields: {
        incidentSummary: { ...incidentSummary, incidentType: CHILD_PORNOGRAPHY },
        webPages,
        reportedPerson,
        additionalInfo,
        excludedFromTraining: report.excludedFromTraining,
        files,
        notAvailable: [
          ...report.notAvailable,
          ...gaps.map((b) => ({
            field: b.id,
            reason: 'Not in the supplier’s manifest for this batch.',
          })),
        ],
      },
    },
  });
  report = await read();
  await analyst.post(`/api/reports/${id}/transitions`, {
    headers: csrf,
    data: { version: report.version, to: 'in_review', comment: null },
  });
  report = await read();
  const approved = await supervisor.post(`/api/reports/${id}/transitions`, {
    headers: csrf,
    data: { version: report.version, to: 'approved', comment: null },
  });
  expect(approved.ok(), await approved.text()).toBe(true);
  return id;
}

/** The signed-in supervisor's page opens a report Ana submitted and the supervisor approved. */
export async function openApprovedReport(signInElsewhere: SignInElsewhere, supervisor: Page) {
  const { context, page: ana } = await signInElsewhere('analyst');
  const id = await approveThroughApi(ana.request, supervisor.request);
  await context.close();
  await supervisor.goto(`/reports/${id}`);
  return id;
}
