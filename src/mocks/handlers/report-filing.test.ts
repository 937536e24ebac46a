import { describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { signInForTest, testBackend } from '../../test/mock-server';
import { approvedReport, call, getReport } from '../../test/reports';
import { file, ncmecCalls, sasha, settled } from '../../test/filing';
import { MOCK_NCMEC_BASE_URL, MOCK_NCMEC_PASSWORD, MOCK_NCMEC_USERNAME } from '../ncmec/mock-ncmec';
import { createNcmecClient } from '../../server/ncmec/ncmec-client';
import { preservationDeadline } from '../../domain/preservation';

describe('filing with NCMEC (the mock CyberTipline API)', () => {
  it('runs submit, upload and fileinfo per file, finish; shows NCMEC’s id and the preservation deadline', async () => {
    const approved = await approvedReport(2);
    const started = await file(approved);
    expect(started.status).toBe(200);
    expect(Report.parse(started.json).status).toBe('filing');
    const report = await settled(approved.id);
    expect(report.status).toBe('filed');
    expect(report.filing?.steps.map((s) => [s.step, s.state])).toEqual([
      ['submit', 'done'],
      ...report.files.flatMap(() => [
        ['upload', 'done'],
        ['fileinfo', 'done'],
      ]),
      ['finish', 'done'],
    ]);
    const filed = report.filed;
    if (!filed) throw new Error('not filed');
    expect(filed.ncmecReportId).toMatch(/^\d+$/);
    expect(filed.preservationDeadline).toBe(preservationDeadline(filed.filedAt));
    const [atNcmec] = testBackend.state.ncmec.reports();
    expect(atNcmec).toMatchObject({ reportId: filed.ncmecReportId, state: 'finished' });
    expect(atNcmec?.files).toHaveLength(report.files.length);
    // A filed report is read-only, and filing it again is refused.
    expect((await file(report)).status).toBe(409);
    expect(ncmecCalls('finish')).toHaveLength(1);
  });

  it('a 4100 from NCMEC stops the filing with a clear message; nothing is filed; resume files it once', async () => {
    testBackend.configure({ faults: ['ncmec:4100'] });
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    expect(stopped.status).toBe('filing');
    expect(stopped.filed).toBeNull();
    expect(stopped.filing).toMatchObject({
      state: 'failed',
      ncmecReportId: null,
      error: { ncmecCode: 4100 },
    });
    expect(stopped.filing?.error?.message).toMatch(/rejected.*4100/i);
    testBackend.configure({ faults: [] });
    await file(stopped, 'resume');
    expect((await settled(approved.id)).status).toBe('filed');
    expect(ncmecCalls('submit')).toHaveLength(1);
  });

  it('an interrupted filing resumes from the step that stopped: nothing is sent twice', async () => {
    testBackend.configure({ faults: ['ncmec:finish:1000'] });
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    expect(stopped.filing?.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'failed']);
    testBackend.configure({ faults: [] });
    await file(stopped, 'resume');
    expect((await settled(approved.id)).status).toBe('filed');
    expect(ncmecCalls('submit')).toHaveLength(1);
    expect(ncmecCalls('upload')).toHaveLength(1);
    expect(ncmecCalls('finish')).toHaveLength(1);
  });

  it('or it is retracted at NCMEC, and can be reopened as a draft', async () => {
    testBackend.configure({ faults: ['ncmec:upload:1000'] });
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    await file(stopped, 'retract');
    const retracted = await settled(approved.id);
    expect(retracted.status).toBe('retracted');
    expect(testBackend.state.ncmec.reports()[0]?.state).toBe('retracted');
    expect(ncmecCalls('upload', 0)).toHaveLength(0);
    const reopened = await call('POST', `/api/reports/${approved.id}/transitions`, sasha(), {
      version: retracted.version,
      to: 'draft',
      comment: null,
    });
    expect(Report.parse(reopened.json)).toMatchObject({ status: 'draft', reporter: null });
  });

  it('only the approving supervisor files; a supplemental report links to the filed one', async () => {
    const approved = await approvedReport();
    const ana = signInForTest('usr_ana').cookie;
    expect(
      (
        await call('POST', `/api/reports/${approved.id}/filing`, ana, {
          version: approved.version,
          action: 'start',
        })
      ).status,
    ).toBe(403);
    await file(approved);
    const filed = await settled(approved.id);
    const supplemental = await call('POST', `/api/reports/${filed.id}/supplemental`, ana);
    expect(supplemental.status).toBe(201);
    expect(Report.parse(supplemental.json)).toMatchObject({
      status: 'draft',
      priorReport: { id: filed.id, ncmecReportId: filed.filed?.ncmecReportId },
    });
  });

  it('exports the <report> and <fileDetails> documents', async () => {
    const approved = await approvedReport();
    const xml = await call('GET', `/api/reports/${approved.id}/report.xml`, sasha());
    expect(xml.status).toBe(200);
    expect(xml.text).toMatch(/^<\?xml[^>]*>\s*<report>/);
    expect(xml.text).toContain('<email>sasha.reyes@verity.test</email>');
    const sha = approved.files[0]?.sha256 ?? '';
    const details = await call(
      'GET',
      `/api/reports/${approved.id}/files/${sha}/file-details.xml`,
      sasha(),
    );
    expect(details.text).toContain('<fileDetails>');
    expect(details.text).toContain('<reportId>0</reportId>');
  });
});

describe('filing that must not get stuck or go wrong', () => {
  it('only the reporter resumes; a finish whose answer was lost is recognised on resume (5102)', async () => {
    testBackend.configure({ faults: ['ncmec:finish:1000'] });
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    const mira = testBackend.state.users.get('usr_mira');
    if (!mira) throw new Error('fixture');
    const other = `verity_session=${testBackend.state.sessions.start(mira)}`;
    const byOther = await call('POST', `/api/reports/${approved.id}/filing`, other, {
      version: stopped.version,
      action: 'resume',
    });
    expect(byOther.status).toBe(403);
    // The first finish did reach NCMEC; only its answer was lost.
    testBackend.configure({ faults: [] });
    const client = createNcmecClient({
      fetch: (request) => testBackend.state.ncmec.fetch(request),
      baseUrl: MOCK_NCMEC_BASE_URL,
      username: MOCK_NCMEC_USERNAME,
      password: MOCK_NCMEC_PASSWORD,
    });
    expect((await client.finish(stopped.filing?.ncmecReportId ?? '')).code).toBe(0);
    await file(stopped, 'resume');
    const filed = await settled(approved.id);
    expect(filed.status).toBe('filed');
    expect(filed.filing?.steps.at(-1)).toMatchObject({
      step: 'finish',
      state: 'done',
      ncmecCode: 5102,
    });
    expect(ncmecCalls('finish')).toHaveLength(1);
  });

  it('an item no longer confirmed leaves a report in review, which goes back to draft', async () => {
    const approved = await approvedReport();
    const [itemId] = approved.files[0]?.itemIds ?? [];
    const item = testBackend.state.itemsById.get(itemId ?? '');
    if (!item) throw new Error('fixture');
    item.status = 'dismissed';
    testBackend.state.reports.itemChanged(item, new Date());
    const after = await getReport(approved.id, sasha());
    expect(after).toMatchObject({ status: 'draft', reporter: null, review: null });
    expect(after.files.flatMap((f) => f.itemIds)).not.toContain(itemId);
    expect((await file(after)).status).toBe(403);
  });
});
