import { describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { ActionabilityField } from '../../api/schemas/report';
import { signInForTest } from '../../test/mock-server';
import {
  NOT_IN_MANIFEST,
  call,
  draftWithTwoFiles,
  editable,
  explainGaps,
  getReport,
  listReports,
  transition,
} from '../../test/reports';

const ana = () => signInForTest('usr_ana').cookie;
const sasha = () => signInForTest('usr_sasha').cookie;
const mira = () => signInForTest('usr_mira').cookie;

const approve = (report: Report, cookie: string) =>
  call('POST', `/api/reports/${report.id}/transitions`, cookie, {
    version: report.version,
    to: 'approved',
    comment: null,
  });

const move = (from: Report, sha256: string, to: string | null, cookie: string) =>
  call('POST', `/api/reports/${from.id}/moves`, cookie, { version: from.version, sha256, to });

/** Ana explains the draft's gaps and submits it: nothing blocks its approval. */
async function submitted(id: string): Promise<Report> {
  const draft = await getReport(id, ana());
  const explained = Report.parse((await explainGaps(draft, ana())).json);
  return transition(explained, ana(), 'in_review');
}

describe('four eyes on amendments in review', () => {
  it('a supervisor who amends a report in review cannot approve it herself; another supervisor can', async () => {
    const { reports } = await listReports(ana(), '&status=draft');
    let report: Report | undefined;
    for (const summary of reports) {
      const candidate = await getReport(summary.id, ana());
      if (candidate.reportedPerson !== null) report = candidate;
      if (report) break;
    }
    if (!report) throw new Error('no draft with an uploader');
    report = await transition(report, ana(), 'in_review');

    // Sasha, reviewing, rewrites what the report says and explains every gap she made.
    const fields = editable(report);
    const amendment = await call('PUT', `/api/reports/${report.id}`, sasha(), {
      version: report.version,
      fields: {
        ...fields,
        reportedPerson: null,
        incidentSummary: { ...fields.incidentSummary, incidentType: 'Child Sex Trafficking' },
        files: fields.files.map((f) => ({ ...f, locationOfFile: null })),
        notAvailable: ActionabilityField.options.map((field) => ({
          field,
          reason: NOT_IN_MANIFEST,
        })),
      },
    });
    expect(amendment.status).toBe(200);
    const amended = Report.parse(amendment.json);
    expect(amended.incidentSummary.incidentType).toBe('Child Sex Trafficking');

    const own = await approve(amended, sasha());
    expect(own.status).toBe(403);
    expect(own.json).toMatchObject({ error: { code: 'four_eyes' } });
    expect(JSON.stringify(own.json)).toContain('You amended this report');
    expect((await getReport(report.id, sasha())).status).toBe('in_review');
    // She is one of its editors now, recorded as having amended it.
    expect(amended.draftEditors.map((a) => a.id)).toContain('usr_sasha');
    expect(amended.amendedBy.map((a) => a.id)).toEqual(['usr_sasha']);

    const other = await approve(amended, mira());
    expect(other.status).toBe(200);
    const approved = Report.parse(other.json);
    expect(approved).toMatchObject({
      status: 'approved',
      reporter: { userId: 'usr_mira' },
      review: { by: { id: 'usr_mira' } },
    });
    // Mira is its reporter, so she files it; Sasha may not.
    const filing = await call('POST', `/api/reports/${report.id}/filing`, sasha(), {
      version: approved.version,
      action: 'start',
    });
    expect(filing.status).toBe(403);
  });

  it('the approval refusals say which rule: four eyes (403), the role (403), incomplete or not in review (409)', async () => {
    const { reports } = await listReports(ana(), '&status=draft');
    const gaps = reports.find((r) => r.completeness.blockers.length > 0);
    if (!gaps) throw new Error('every draft is complete');
    const report = await transition(await getReport(gaps.id, ana()), ana(), 'in_review');
    expect((await approve(report, ana())).json).toMatchObject({ error: { code: 'forbidden' } });
    expect((await approve(report, mira())).json).toMatchObject({ error: { code: 'incomplete' } });
    const draft = await getReport(reports.find((r) => r.id !== gaps.id)?.id ?? '', ana());
    expect((await approve(draft, mira())).json).toMatchObject({
      error: { code: 'invalid_transition' },
    });
  });
});

describe('four eyes on moving files', () => {
  it('whoever moves a file out of a draft, or into one, cannot approve either; another supervisor can', async () => {
    const fromId = draftWithTwoFiles();
    const { reports } = await listReports(ana(), '&status=draft');
    const from = reports.find((r) => r.id === fromId);
    const into = reports.find(
      (o) => o.id !== from?.id && o.incident.supplier.id === from?.incident.supplier.id,
    );
    if (!from || !into) throw new Error('no two drafts of one supplier');
    const source = await getReport(from.id, ana());
    const moved = await move(source, source.files[0]?.sha256 ?? '', into.id, sasha());
    expect(moved.status).toBe(200);

    for (const id of [from.id, into.id]) {
      const report = await submitted(id);
      const own = await approve(report, sasha());
      expect(own.status).toBe(403);
      expect(own.json).toMatchObject({ error: { code: 'four_eyes' } });
      expect((await approve(report, mira())).status).toBe(200);
    }
  });

  it('a file moved to a new draft brings its editors: whoever edited it there cannot approve it here', async () => {
    const source = await getReport(draftWithTwoFiles(), mira());
    const fields = editable(source);
    const [first] = fields.files;
    if (!first) throw new Error('fixture');
    fields.files[0] = { ...first, originalFileName: 'named-by-mira.jpg' };
    const edited = Report.parse(
      (
        await call('PUT', `/api/reports/${source.id}`, mira(), {
          version: source.version,
          fields,
        })
      ).json,
    );
    const moved = await move(edited, first.sha256, null, sasha());
    const { to } = moved.json as { to: Report };
    expect(to.files[0]?.originalFileName).toBe('named-by-mira.jpg');
    expect(to.draftEditors.map((a) => a.id).toSorted()).toEqual(['usr_mira', 'usr_sasha']);

    const report = await submitted(to.id);
    expect((await approve(report, mira())).status).toBe(403);
    expect((await approve(report, sasha())).status).toBe(403);
  });
});
