import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilingDocumentList } from '../../api/schemas/filing';
import { preservationDeadline } from '../../domain/preservation';
import { runFilingJobs } from './filing-worker';
import { dismissByCorrection, filingKit, read, type FilingKit } from '../testing/filing';
import { openTestServer, type TestServer } from '../testing/test-server';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

let server: TestServer;
let kit: FilingKit;
beforeEach(async () => {
  server = await openTestServer();
  kit = await filingKit(server);
}, 120_000);
afterEach(() => server.close());

const setFaults = (faults: string[]) => server.ncmec.faults.splice(0, Infinity, ...faults);
const stepEvents = async (reportId: string) =>
  (await kit.reportEvents(reportId)).filter((e) => e.action === 'report.filing_step');

describe('a report is filed exactly once, whatever fails', () => {
  it('a finish whose answer was lost, then a retraction: NCMEC answers 5102, so the report is filed, with its id and deadline', async () => {
    const { approvedReport, file, settled, ncmecCalls, reportEvents } = kit;
    setFaults(['ncmec:finish:lost']);
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    expect(stopped.filing).toMatchObject({ state: 'failed', error: { ncmecCode: null } });
    const ncmecReportId = stopped.filing?.ncmecReportId ?? '';
    expect(server.ncmec.demo.reports()[0]).toMatchObject({
      reportId: ncmecReportId,
      state: 'finished', // NCMEC finished it; only its answer was lost
    });

    setFaults([]);
    await file(stopped, 'retract');
    const report = await settled(approved.id);
    expect(report.status).toBe('filed');
    const finish = report.filing?.steps.find((s) => s.step === 'finish');
    expect(finish).toMatchObject({ state: 'done' });
    expect(report.filed).toEqual({
      ncmecReportId,
      filedAt: finish?.at,
      preservationDeadline: preservationDeadline(finish?.at ?? ''),
    });
    expect(report.filing?.steps.at(-1)).toMatchObject({
      step: 'retract',
      state: 'failed',
      ncmecCode: 5102,
    });
    expect(report.filing?.error).toBeNull();
    expect(ncmecCalls('finish', null)).toHaveLength(1);
    expect((await reportEvents(approved.id)).at(-1)).toMatchObject({
      action: 'report.filed',
      detail: { ncmecReportId, status: 'filed' },
    });
    // Filed: it is never retracted or filed again.
    expect((await file(report, 'retract')).status).toBe(409);
  });

  it('an item dismissed while the filing runs stops it before finish: what was submitted is retracted, the report says why, and it can be reopened', async () => {
    const { approvedReport, file, settled, ncmecCalls, reportEvents, transition, sasha } = kit;
    const approved = await approvedReport();
    const itemId = approved.files[0]?.itemIds[0] ?? '';
    await file(approved);
    await runFilingJobs(server.context, { maxSteps: 1 }); // submit is done by now, finish is not
    await dismissByCorrection(server, itemId);
    const report = await settled(approved.id);
    expect(report.status).toBe('retracted');
    expect(report.filed).toBeNull();
    expect(report.filing?.retraction?.reason).toContain(itemId);
    expect(report.filing?.retraction?.reason).toMatch(/dismissed by Mira Stone/);
    expect(ncmecCalls('finish', null)).toHaveLength(0);
    expect(ncmecCalls('retract')).toHaveLength(1);
    expect(server.ncmec.demo.reports()[0]?.state).toBe('retracted');
    expect((await reportEvents(approved.id)).at(-1)).toMatchObject({
      action: 'report.retracted',
      detail: { ncmecReportId: report.filing?.ncmecReportId ?? '' },
    });

    const reopened = await transition(report, sasha, 'draft');
    expect(reopened).toMatchObject({ status: 'draft', reporter: null, filing: null });
    expect(reopened.files.flatMap((f) => f.itemIds)).not.toContain(itemId);
  });

  it('an item dismissed while the filing is stopped: resuming retracts instead of finishing', async () => {
    const { approvedReport, file, settled, ncmecCalls } = kit;
    setFaults(['ncmec:finish:1000']);
    const approved = await approvedReport();
    const itemId = approved.files[0]?.itemIds[0] ?? '';
    await file(approved);
    const stopped = await settled(approved.id);
    setFaults([]);
    await dismissByCorrection(server, itemId);
    await file(await settled(approved.id), 'resume');
    const report = await settled(approved.id);
    expect(report.status).toBe('retracted');
    expect(report.filing?.retraction?.reason).toContain(itemId);
    expect(ncmecCalls('finish', 0)).toHaveLength(0);
    expect(server.ncmec.demo.reports()[0]).toMatchObject({
      reportId: stopped.filing?.ncmecReportId,
      state: 'retracted',
    });
  });

  it('every NCMEC step is an audit event: submit with NCMEC’s report id, each upload with its file id, fileinfo, finish; a retraction too', async () => {
    const { approvedReport, file, settled } = kit;
    const approved = await approvedReport(2);
    await file(approved);
    const report = await settled(approved.id);
    const ncmecReportId = report.filed?.ncmecReportId ?? '';
    const [first, second] = report.files.map((f) => f.sha256);
    const atNcmec = server.ncmec.demo.reports()[0];
    const fileIds = atNcmec?.files.map((f) => f.fileId) ?? [];
    expect((await stepEvents(approved.id)).map((e) => e.detail)).toEqual([
      expect.objectContaining({ step: 'submit', ncmecCode: 0, ncmecReportId }),
      expect.objectContaining({ step: 'upload', fileSha256: first, ncmecFileId: fileIds[0] }),
      expect.objectContaining({ step: 'fileinfo', fileSha256: first, ncmecFileId: fileIds[0] }),
      expect.objectContaining({ step: 'upload', fileSha256: second, ncmecFileId: fileIds[1] }),
      expect.objectContaining({ step: 'fileinfo', fileSha256: second, ncmecFileId: fileIds[1] }),
      expect.objectContaining({ step: 'finish', ncmecCode: 0, ncmecReportId }),
    ]);
    for (const event of await stepEvents(approved.id)) {
      expect(event.actor.id).toBe('usr_sasha');
      expect(event.detail.answerSha256).toMatch(/^[0-9a-f]{64}$/);
    }

    setFaults(['ncmec:upload:1000']);
    const other = await approvedReport();
    await file(other);
    await file(await settled(other.id), 'retract');
    await settled(other.id);
    expect((await stepEvents(other.id)).map((e) => [e.detail.step, e.detail.ncmecCode])).toEqual([
      ['submit', 0],
      ['upload', 1000],
      ['retract', 0],
    ]);
  });

  it('the documents sent and NCMEC’s answers are kept: supervisors and auditors download them, and each matches the SHA-256 in its audit event', async () => {
    const { approvedReport, file, settled, ana, sasha } = kit;
    const approved = await approvedReport(2);
    await file(approved);
    await settled(approved.id);
    const path = `/api/reports/${approved.id}/filing-documents`;
    expect((await ana.get(path)).status).toBe(403);
    const alex = await server.signIn('usr_alex');
    const { documents } = FilingDocumentList.parse((await read(await alex.get(path))).json);
    // submit: its <report> and the answer; per file, the upload's answer and fileinfo's document
    // and answer; finish's answer.
    expect(documents.map((d) => [d.step, d.direction])).toEqual([
      ['submit', 'sent'],
      ['submit', 'answer'],
      ...[1, 2].flatMap(() => [
        ['upload', 'answer'],
        ['fileinfo', 'sent'],
        ['fileinfo', 'answer'],
      ]),
      ['finish', 'answer'],
    ]);
    const events = await stepEvents(approved.id);
    const atNcmec = server.ncmec.demo.reports()[0];
    for (const doc of documents) {
      const download = await read(await sasha.get(`${path}/${doc.id}`));
      expect(download.status).toBe(200);
      expect(sha256(download.text)).toBe(doc.sha256);
      const event = events.find((e) => e.seq === doc.auditSeq);
      expect(event?.detail[doc.direction === 'sent' ? 'sentSha256' : 'answerSha256']).toBe(
        doc.sha256,
      );
      if (doc.step === 'submit' && doc.direction === 'sent')
        expect(download.text).toBe(atNcmec?.xml);
      if (doc.step === 'fileinfo' && doc.direction === 'sent')
        expect(atNcmec?.files.map((f) => f.detailsXml)).toContain(download.text);
      if (doc.direction === 'answer')
        expect(download.text).toMatch(/<responseCode>0<\/responseCode>/);
    }
    expect((await alex.get(`${path}/nope`)).status).toBe(404);
  });

  it('the preservation deadline is one calendar year after filing, across 29 February too', async () => {
    // Filed in June 2027, a year that ends past 29 February 2028: 365 days would fall a day short.
    server.clock.now = new Date('2027-06-01T12:00:00Z');
    kit = await filingKit(server); // signed in again: the sessions of March 2026 have ended
    const { approvedReport, file, settled } = kit;
    const approved = await approvedReport();
    await file(approved);
    const { filed } = await settled(approved.id);
    expect(filed?.filedAt.slice(0, 7)).toBe('2027-06');
    expect(filed?.preservationDeadline).toBe(preservationDeadline(filed?.filedAt ?? ''));
    expect(Date.parse(filed?.preservationDeadline ?? '') - Date.parse(filed?.filedAt ?? '')).toBe(
      366 * 86_400_000,
    );
  });
});
