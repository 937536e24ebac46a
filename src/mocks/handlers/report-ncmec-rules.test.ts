import { describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { signInForTest, testBackend } from '../../test/mock-server';
import {
  approvedReport,
  call,
  editable,
  explainGaps,
  getReport,
  listReports,
  transition,
} from '../../test/reports';

const ana = () => signInForTest('usr_ana').cookie;
const sasha = () => signInForTest('usr_sasha').cookie;
const mira = () => signInForTest('usr_mira').cookie;

const withPage = (report: Report, url: string) => ({
  version: report.version,
  fields: {
    ...editable(report),
    webPages: [...report.webPages, { url, thirdPartyHostedContent: null, additionalInfo: '' }],
  },
});

/** An open draft with its gaps explained, so only what a test adds can stop it. */
async function explainedDraft() {
  const { reports } = await listReports(ana(), '&status=draft');
  const draft = await getReport(reports[0]?.id ?? '', ana());
  return Report.parse((await explainGaps(draft, ana())).json);
}

describe('values NCMEC’s rules refuse', () => {
  it('are saved (evidence) but block submitting: 409 listing each with its rule', async () => {
    const draft = await explainedDraft();
    const saved = await call('PUT', `/api/reports/${draft.id}`, ana(), {
      ...withPage(draft, 'javascript:alert(document.domain)'),
    });
    expect(saved.status).toBe(200);
    const report = Report.parse(saved.json);
    expect(report.webPages.at(-1)?.url).toBe('javascript:alert(document.domain)');
    const { reports } = await listReports(ana());
    expect(reports.find((r) => r.id === draft.id)?.completeness.blockers).toContainEqual({
      id: 'web_page_url',
      label: 'Web page URL',
    });
    const refused = await call('POST', `/api/reports/${draft.id}/transitions`, ana(), {
      version: report.version,
      to: 'in_review',
      comment: null,
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      error: {
        code: 'refused_by_ncmec',
        message: expect.stringContaining(
          `Web page URL (web page ${report.webPages.length}: must be a valid URL)`,
        ) as unknown,
      },
    });
  });

  it('block approval when an amendment in review adds one', async () => {
    const draft = await transition(await explainedDraft(), ana(), 'in_review');
    const amended = Report.parse(
      (
        await call('PUT', `/api/reports/${draft.id}`, mira(), {
          ...withPage(draft, `https://example.com/${'a'.repeat(2100)}`),
        })
      ).json,
    );
    const refused = await call('POST', `/api/reports/${draft.id}/transitions`, sasha(), {
      version: amended.version,
      to: 'approved',
      comment: null,
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      error: {
        code: 'refused_by_ncmec',
        message: expect.stringContaining('max length is 2083 characters') as unknown,
      },
    });
  });

  it('block filing', async () => {
    const approved = await approvedReport();
    const stored = testBackend.state.reports.get(approved.id);
    stored.files = stored.files.map((f) => ({ ...f, originalFileName: 'n'.repeat(2057) }));
    const refused = await call('POST', `/api/reports/${approved.id}/filing`, sasha(), {
      version: approved.version,
      action: 'start',
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      error: {
        code: 'refused_by_ncmec',
        message: expect.stringContaining(
          'Original file name (file 1: max length is 2056 characters)',
        ) as unknown,
      },
    });
    expect(testBackend.state.ncmec.calls).toEqual([]);
  });

  it('a path that skips the checklist meets them at NCMEC: 4100 naming the field, nothing filed', async () => {
    const approved = await approvedReport();
    const started = await call('POST', `/api/reports/${approved.id}/filing`, sasha(), {
      version: approved.version,
      action: 'start',
    });
    expect(started.status).toBe(200);
    // After the checklist passed, before the submit step runs: a change no check sees.
    const stored = testBackend.state.reports.get(approved.id);
    stored.webPages = [
      { url: 'javascript:alert(1)', thirdPartyHostedContent: null, additionalInfo: '' },
    ];
    let report = await getReport(approved.id, sasha());
    for (let i = 0; i < 100 && report.filing?.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      report = await getReport(approved.id, sasha());
    }
    expect(report.filed).toBeNull();
    expect(report.filing?.error).toMatchObject({ ncmecCode: 4100 });
    expect(report.filing?.error?.message).toContain(
      'report/internetDetails/webPageIncident/url must be a valid URL',
    );
    expect(testBackend.state.ncmec.reports()).toEqual([]);
  });
});
