import { describe, expect, it } from 'vitest';
import { RevealGrant } from '../../api/schemas/decision';
import type { Report } from '../../api/schemas/report';
import { file, sasha, settled } from '../../test/filing';
import { signInForTest, testBackend } from '../../test/mock-server';
import { call, explainGaps, getReport, listReports, transition } from '../../test/reports';

const revealable = (itemId: string) => {
  const item = testBackend.state.itemsById.get(itemId);
  return item?.preview.mode === 'blurred' && item.media.kind === 'image';
};

/** A one-file draft whose file is a blurred image nobody has viewed, and its item. */
async function draftWithRevealableFile(cookie: string) {
  const { reports } = await listReports(cookie, '&status=draft');
  for (const summary of reports.filter((r) => r.fileCount === 1)) {
    const report = await getReport(summary.id, cookie);
    const itemId = report.files[0]?.itemIds.find(revealable);
    if (itemId && !report.files[0]?.fileViewedByEsp.viewed) return { report, itemId };
  }
  throw new Error('fixture: no draft with a revealable file');
}

const viewedOf = async (report: Report) =>
  (await getReport(report.id, sasha())).files[0]?.fileViewedByEsp;

const reveal = async (itemId: string, cookie: string) =>
  RevealGrant.parse((await call('POST', `/api/items/${itemId}/reveal`, cookie)).json);

describe('fileViewedByEsp: true only when the original was served to a person', () => {
  it('a reveal whose URL is never fetched leaves it false; serving the original makes it true', async () => {
    const ana = signInForTest('usr_ana').cookie;
    const { report, itemId } = await draftWithRevealableFile(ana);
    const grant = await reveal(itemId, ana);
    expect(await viewedOf(report)).toMatchObject({ viewed: false, evidence: null });

    expect((await call('GET', grant.url, ana)).status).toBe(200);
    const served = testBackend.state.audit
      .range(1, testBackend.state.audit.size)
      .filter((e) => e.action === 'media.served')
      .at(-1);
    expect(served).toMatchObject({
      subject: { id: itemId },
      actor: { id: 'usr_ana' },
      detail: { revealId: grant.revealId, wholeFile: true },
    });
    expect(await viewedOf(report)).toEqual({
      viewed: true,
      evidence: { seq: served?.seq, at: served?.at, actor: served?.actor, itemId },
      sentAt: null,
      viewedAfterFiling: null,
    });
  });

  it('is frozen once sent: a reveal after filing shows as viewed after filing and changes nothing sent', async () => {
    const ana = signInForTest('usr_ana').cookie;
    const { report: draft, itemId } = await draftWithRevealableFile(ana);
    await explainGaps(draft, ana);
    const submitted = await transition(await getReport(draft.id, ana), ana, 'in_review');
    const approved = await transition(submitted, sasha(), 'approved');
    await file(approved);
    const filed = await settled(approved.id);
    expect(filed.status).toBe('filed');
    const sent = filed.files[0]?.fileViewedByEsp;
    expect(sent).toMatchObject({ viewed: false, viewedAfterFiling: null });
    expect(sent?.sentAt).toBe(filed.filing?.steps.find((s) => s.step === 'fileinfo')?.at);

    const grant = await reveal(itemId, ana);
    await call('GET', grant.url, ana);
    const after = await viewedOf(filed);
    expect(after).toMatchObject({ viewed: false, evidence: null, sentAt: sent?.sentAt });
    expect(after?.viewedAfterFiling).toMatchObject({ itemId, actor: { id: 'usr_ana' } });
    const details = await call(
      'GET',
      `/api/reports/${filed.id}/files/${filed.files[0]?.sha256 ?? ''}/file-details.xml`,
      sasha(),
    );
    expect(details.text).toContain('<fileViewedByEsp>false</fileViewedByEsp>');
  });
});
