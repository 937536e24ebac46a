import { describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import type { TestServer } from '../testing/test-server';
import { serverPerFile } from '../testing/test-server-hooks';
import { editable, reportKit } from './testing/report-kit';

let server: TestServer;
let kit: ReturnType<typeof reportKit>;
serverPerFile((opened) => {
  server = opened;
  kit = reportKit(server);
});

const ANA = 'usr_ana';

const withPage = (report: Report, url: string) => ({
  version: report.version,
  fields: {
    ...editable(report),
    webPages: [...report.webPages, { url, thirdPartyHostedContent: null, additionalInfo: '' }],
  },
});

/** An open draft with its gaps explained, so only what a test adds can stop it. */
async function explainedDraft() {
  const { reports } = await kit.list(ANA, '&status=draft');
  const draft = await kit.get(reports[0]?.id ?? '', ANA);
  return Report.parse((await kit.explainGaps(draft, ANA)).json);
}

describe('values NCMEC’s rules refuse', () => {
  it('are saved (evidence) but block submitting: 409 listing each with its rule', async () => {
    const draft = await explainedDraft();
    const saved = await kit.call(
      'PUT',
      `/api/reports/${draft.id}`,
      ANA,
      withPage(draft, 'javascript:alert(document.domain)'),
    );
    expect(saved.status).toBe(200);
    const report = Report.parse(saved.json);
    expect(report.webPages.at(-1)?.url).toBe('javascript:alert(document.domain)');
    const { reports } = await kit.list(ANA);
    expect(reports.find((r) => r.id === draft.id)?.completeness.blockers).toContainEqual({
      id: 'web_page_url',
      label: 'Web page URL',
    });
    const refused = await kit.call('POST', `/api/reports/${draft.id}/transitions`, ANA, {
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
    const draft = await kit.transition(await explainedDraft(), ANA, 'in_review');
    const amended = Report.parse(
      (
        await kit.call(
          'PUT',
          `/api/reports/${draft.id}`,
          'usr_mira',
          withPage(draft, `https://example.com/${'a'.repeat(2100)}`),
        )
      ).json,
    );
    const refused = await kit.call('POST', `/api/reports/${draft.id}/transitions`, 'usr_sasha', {
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
});
