import { describe, expect, it } from 'vitest';
import { ActionabilityField, Report } from '../../api/schemas/report';
import type { TestServer } from '../testing/test-server';
import { serverPerFile } from '../testing/test-server-hooks';
import { NOT_IN_MANIFEST, editable, reportKit } from './testing/report-kit';

let server: TestServer;
let kit: ReturnType<typeof reportKit>;
serverPerFile((opened) => {
  server = opened;
  kit = reportKit(server);
});

const ANA = 'usr_ana';
const SASHA = 'usr_sasha';
const MIRA = 'usr_mira';

const approve = (report: Report, userId: string) =>
  kit.call('POST', `/api/reports/${report.id}/transitions`, userId, {
    version: report.version,
    to: 'approved',
    comment: null,
  });

const move = (from: Report, sha256: string, to: string | null, userId: string) =>
  kit.call('POST', `/api/reports/${from.id}/moves`, userId, { version: from.version, sha256, to });

/** Ana explains the draft's gaps and submits it: nothing blocks its approval. */
async function submitted(id: string): Promise<Report> {
  const draft = await kit.get(id, ANA);
  const explained = Report.parse((await kit.explainGaps(draft, ANA)).json);
  return kit.transition(explained, ANA, 'in_review');
}

describe('four eyes on amendments in review', () => {
  it('a supervisor who amends a report in review cannot approve it herself; another supervisor can', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    let report: Report | undefined;
    for (const summary of reports) {
      const candidate = await kit.get(summary.id, ANA);
      if (candidate.reportedPerson !== null) report = candidate;
      if (report) break;
    }
    if (!report) throw new Error('no draft with an uploader');
    report = await kit.transition(report, ANA, 'in_review');

    // Sasha, reviewing, rewrites what the report says and explains every gap she made.
    const fields = editable(report);
    const amendment = await kit.call('PUT', `/api/reports/${report.id}`, SASHA, {
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

    const own = await approve(amended, SASHA);
    expect(own.status).toBe(403);
    expect(own.json).toMatchObject({ error: { code: 'four_eyes' } });
    expect(JSON.stringify(own.json)).toContain('You amended this report');
    expect((await kit.get(report.id, SASHA)).status).toBe('in_review');
    // She is one of its editors now, recorded as having amended it.
    expect(amended.draftEditors.map((a) => a.id)).toContain('usr_sasha');
    expect(amended.amendedBy.map((a) => a.id)).toEqual(['usr_sasha']);

    const other = await approve(amended, MIRA);
    expect(other.status).toBe(200);
    expect(Report.parse(other.json)).toMatchObject({
      status: 'approved',
      reporter: { userId: 'usr_mira' },
      review: { by: { id: 'usr_mira' } },
    });
  });

  it('the approval refusals say which rule: four eyes (403), the role (403), incomplete or not in review (409)', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const gaps = reports.find((r) => r.completeness.blockers.length > 0);
    if (!gaps) throw new Error('every draft is complete');
    const report = await kit.transition(await kit.get(gaps.id, ANA), ANA, 'in_review');
    expect((await approve(report, ANA)).json).toMatchObject({ error: { code: 'forbidden' } });
    expect((await approve(report, MIRA)).json).toMatchObject({ error: { code: 'incomplete' } });
    const draft = await kit.get(reports.find((r) => r.id !== gaps.id)?.id ?? '', ANA);
    expect((await approve(draft, MIRA)).json).toMatchObject({
      error: { code: 'invalid_transition' },
    });
  });

  it('a supervisor’s refused approval (four eyes) is recorded, and nothing the attempt wrote is', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const draft = await kit.get(reports[0]?.id ?? '', SASHA);
    // Sasha edits the draft herself, so she may not approve it.
    const explained = Report.parse((await kit.explainGaps(draft, SASHA)).json);
    const report = await kit.transition(explained, ANA, 'in_review');
    const before = (await kit.head()).seq;
    const refused = await approve(report, SASHA);
    expect(refused.status).toBe(403);
    expect(await kit.eventsSince(before)).toMatchObject([
      {
        actor: { id: 'usr_sasha' },
        action: 'report.approval_refused',
        subject: { type: 'report', id: report.id },
        detail: { status: 403, refusal: 'four_eyes', reportVersion: report.version },
      },
    ]);
    expect((await kit.get(report.id, ANA)).version).toBe(report.version);
  });
});

describe('four eyes on moving files', () => {
  it('whoever moves a file out of a draft, or into one, cannot approve either; another supervisor can', async () => {
    const fromId = await kit.draftWithTwoFiles();
    const { reports } = await kit.list(ANA, '&status=draft');
    const from = reports.find((r) => r.id === fromId);
    const into = reports.find(
      (o) => o.id !== from?.id && o.incident.supplier.id === from?.incident.supplier.id,
    );
    if (!from || !into) throw new Error('no two drafts of one supplier');
    const source = await kit.get(from.id, ANA);
    const moved = await move(source, source.files[0]?.sha256 ?? '', into.id, SASHA);
    expect(moved.status).toBe(200);

    for (const id of [from.id, into.id]) {
      const report = await submitted(id);
      const own = await approve(report, SASHA);
      expect(own.status).toBe(403);
      expect(own.json).toMatchObject({ error: { code: 'four_eyes' } });
      expect((await approve(report, MIRA)).status).toBe(200);
    }
  });

  it('a file moved to a new draft brings its editors: whoever edited it there cannot approve it here', async () => {
    const source = await kit.get(await kit.draftWithTwoFiles(), MIRA);
    const fields = editable(source);
    const [first] = fields.files;
    if (!first) throw new Error('fixture');
    fields.files[0] = { ...first, originalFileName: 'named-by-mira.jpg' };
    const edited = Report.parse(
      (
        await kit.call('PUT', `/api/reports/${source.id}`, MIRA, {
          version: source.version,
          fields,
        })
      ).json,
    );
    const moved = await move(edited, first.sha256, null, SASHA);
    const { to } = moved.json as { to: Report };
    expect(to.files[0]?.originalFileName).toBe('named-by-mira.jpg');
    expect(to.draftEditors.map((a) => a.id).toSorted()).toEqual(['usr_mira', 'usr_sasha']);

    const report = await submitted(to.id);
    expect((await approve(report, MIRA)).status).toBe(403);
    expect((await approve(report, SASHA)).status).toBe(403);
  });
});
