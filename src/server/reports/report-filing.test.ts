import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../api/schemas/common';
import { Report } from '../../api/schemas/report';
import { preservationDeadline } from '../../domain/preservation';
import {
  DEMO_NCMEC_BASE_URL,
  DEMO_NCMEC_PASSWORD,
  DEMO_NCMEC_USERNAME,
} from '../demo/ncmec/demo-ncmec';
import { createNcmecClient } from '../ncmec/ncmec-client';
import { filingKit, read, type FilingKit } from '../testing/filing';
import { openTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
let kit: FilingKit;
beforeEach(async () => {
  server = await openTestServer();
  kit = await filingKit(server);
}, 120_000);
afterEach(() => server.close());

const setFaults = (faults: string[]) => server.ncmec.faults.splice(0, Infinity, ...faults);

describe('filing with NCMEC (the demo CyberTipline API)', () => {
  it('runs submit, upload and fileinfo per file, finish; shows NCMEC’s id and the preservation deadline', async () => {
    const { approvedReport, file, settled, ncmecCalls } = kit;
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
    const [atNcmec] = server.ncmec.demo.reports();
    expect(atNcmec).toMatchObject({ reportId: filed.ncmecReportId, state: 'finished' });
    expect(atNcmec?.files).toHaveLength(report.files.length);
    // A filed report is read-only, and filing it again is refused.
    expect((await file(report)).status).toBe(409);
    expect(ncmecCalls('finish')).toHaveLength(1);
  });

  it('a 4100 from NCMEC stops the filing with a clear message; nothing is filed; resume files it once', async () => {
    const { approvedReport, file, settled, ncmecCalls } = kit;
    setFaults(['ncmec:4100']);
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
    setFaults([]);
    await file(stopped, 'resume');
    expect((await settled(approved.id)).status).toBe('filed');
    expect(ncmecCalls('submit')).toHaveLength(1);
  });

  it('an interrupted filing resumes from the step that stopped: nothing is sent twice', async () => {
    const { approvedReport, file, settled, ncmecCalls } = kit;
    setFaults(['ncmec:finish:1000']);
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    expect(stopped.filing?.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'failed']);
    setFaults([]);
    await file(stopped, 'resume');
    expect((await settled(approved.id)).status).toBe('filed');
    expect(ncmecCalls('submit')).toHaveLength(1);
    expect(ncmecCalls('upload')).toHaveLength(1);
    expect(ncmecCalls('finish')).toHaveLength(1);
  });

  it('or it is retracted at NCMEC, and can be reopened as a draft', async () => {
    const { approvedReport, file, settled, ncmecCalls, transition, sasha } = kit;
    setFaults(['ncmec:upload:1000']);
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    await file(stopped, 'retract');
    const retracted = await settled(approved.id);
    expect(retracted.status).toBe('retracted');
    expect(server.ncmec.demo.reports()[0]?.state).toBe('retracted');
    expect(ncmecCalls('upload', 0)).toHaveLength(0);
    const reopened = await transition(retracted, sasha, 'draft');
    expect(reopened).toMatchObject({ status: 'draft', reporter: null });
  });

  it('only the approving supervisor files; a supplemental report links to the filed one', async () => {
    const { approvedReport, file, settled, ana } = kit;
    const approved = await approvedReport();
    expect((await file(approved, 'start', ana)).status).toBe(403);
    await file(approved);
    const filed = await settled(approved.id);
    const supplemental = await read(
      await ana.send('POST', `/api/reports/${filed.id}/supplemental`),
    );
    expect(supplemental.status).toBe(201);
    expect(Report.parse(supplemental.json)).toMatchObject({
      status: 'draft',
      priorReport: { id: filed.id, ncmecReportId: filed.filed?.ncmecReportId },
    });
  });
});

describe('filing that must not get stuck or go wrong', () => {
  it('only the reporter resumes; a finish whose answer was lost is recognised on resume (5102)', async () => {
    const { approvedReport, file, settled, ncmecCalls } = kit;
    setFaults(['ncmec:finish:1000']);
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    const mira = await server.signIn('usr_mira');
    expect((await file(stopped, 'resume', mira)).status).toBe(403);
    // The first finish did reach NCMEC; only its answer was lost.
    setFaults([]);
    const client = createNcmecClient({
      fetch: (request) => server.ncmec.demo.fetch(request),
      baseUrl: DEMO_NCMEC_BASE_URL,
      username: DEMO_NCMEC_USERNAME,
      password: DEMO_NCMEC_PASSWORD,
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
});

describe('without NCMEC’s settings, filing is refused and nothing is sent', () => {
  it('answers 503 saying which variables to set; the report stays approved, and no job waits', async () => {
    await server.close();
    server = await openTestServer({
      ncmec: {
        kind: 'unavailable',
        message: 'Filing with NCMEC is not set up on this server: NCMEC_BASE_URL is not set.',
      },
    });
    kit = await filingKit(server);
    const approved = await kit.approvedReport();
    const refused = await kit.file(approved);
    expect(refused.status).toBe(503);
    const { error } = ErrorBody.parse(refused.json);
    expect(error.code).toBe('ncmec_unavailable');
    expect(error.message).toMatch(/NCMEC_BASE_URL/);
    expect((await kit.getReport(approved.id)).status).toBe('approved');
    const jobs = await server.database.db.selectFrom('filing_jobs').selectAll().execute();
    expect(jobs).toEqual([]);
    expect(server.ncmec.demo.calls).toEqual([]);
  });
});
