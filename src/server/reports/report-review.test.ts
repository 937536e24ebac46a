import { describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { SupplierReasons } from '../../api/schemas/report-workflow';
import { serverPerFile } from '../testing/test-server-hooks';
import { NOT_IN_MANIFEST, editable, reportKit } from './testing/report-kit';

/** A report's review against the server: four eyes, what approval needs, rejection, refusals. */

let kit: ReturnType<typeof reportKit>;
serverPerFile((server) => {
  kit = reportKit(server);
});

const ANA = 'usr_ana';
const SASHA = 'usr_sasha';

describe('review and approval', () => {
  it('whoever edited a draft cannot approve it; another supervisor can, once nothing blocks', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const id = reports[0]?.id ?? '';
    let report = await kit.get(id, SASHA);
    const edited = await kit.call('PUT', `/api/reports/${id}`, SASHA, {
      version: report.version,
      fields: { ...editable(report), additionalInfo: 'Edited by Sasha.' },
    });
    expect(edited.status).toBe(200);
    report = Report.parse(edited.json);
    expect(report.draftEditors.map((a) => a.id)).toEqual(['usr_sasha']);
    report = await kit.transition(report, ANA, 'in_review');
    const refused = await kit.call('POST', `/api/reports/${id}/transitions`, SASHA, {
      version: report.version,
      to: 'approved',
      comment: null,
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toContain('four eyes');
  });

  it('refuses approval while an actionability field is missing without a reason; once the reviewer explains it, another supervisor approves and becomes the reporter', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const summary = reports.find((r) => r.completeness.blockers.length > 0);
    if (!summary) throw new Error('every draft is complete');
    let report = await kit.get(summary.id, ANA);
    report = await kit.transition(report, ANA, 'in_review');
    const refused = await kit.call('POST', `/api/reports/${report.id}/transitions`, SASHA, {
      version: report.version,
      to: 'approved',
      comment: null,
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toContain('Not complete');
    // The reviewing supervisor explains the gaps: an amendment, which makes her an editor.
    const amended = Report.parse((await kit.explainGaps(report, SASHA)).json);
    expect(amended.amendedBy.map((a) => a.id)).toEqual(['usr_sasha']);
    const approved = await kit.call('POST', `/api/reports/${report.id}/transitions`, 'usr_mira', {
      version: amended.version,
      to: 'approved',
      comment: null,
    });
    expect(approved.status).toBe(200);
    expect(Report.parse(approved.json)).toMatchObject({
      status: 'approved',
      reporter: { userId: 'usr_mira', email: 'mira.stone@verity.test' },
    });
    const reasons = SupplierReasons.parse(
      (
        await kit.call(
          'GET',
          `/api/suppliers/${report.incident.supplier.id}/not-available-reasons`,
          ANA,
        )
      ).json,
    );
    expect(reasons.reasons[0]?.reason).toBe(NOT_IN_MANIFEST);
  });

  it('a rejection needs a comment and sends the report back for editing', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const report = await kit.transition(await kit.get(reports[0]?.id ?? '', ANA), ANA, 'in_review');
    const reject = (comment: string | null) =>
      kit.call('POST', `/api/reports/${report.id}/transitions`, SASHA, {
        version: report.version,
        to: 'rejected',
        comment,
      });
    expect((await reject(null)).status).toBe(400);
    const rejected = Report.parse((await reject('Add the page URL from the manifest.')).json);
    expect(rejected).toMatchObject({
      status: 'rejected',
      review: { outcome: 'rejected', comment: 'Add the page URL from the manifest.' },
    });
  });

  it('refuses a stale version, auditors’ edits, and supplemental reports of unfiled ones', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const report = await kit.get(reports[0]?.id ?? '', ANA);
    const fields = editable(report);
    const put = (userId: string, version: number) =>
      kit.call('PUT', `/api/reports/${report.id}`, userId, { version, fields });
    expect((await put(ANA, report.version + 5)).status).toBe(409);
    expect((await put('usr_alex', report.version)).status).toBe(403);
    expect((await kit.call('POST', `/api/reports/${report.id}/supplemental`, ANA)).status).toBe(
      409,
    );
  });
});
