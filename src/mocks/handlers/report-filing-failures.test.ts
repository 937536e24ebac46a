import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FilingDocumentList } from '../../api/schemas/filing';
import { preservationDeadline } from '../../domain/preservation';
import { file, ncmecCalls, reportEvents, sasha, settled } from '../../test/filing';
import { advanceBackendClock, signInForTest, testBackend } from '../../test/mock-server';
import { approvedReport, call, transition } from '../../test/reports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Mira, a supervisor who made no decision on the seeded items, dismisses one by correction. */
async function dismissByCorrection(itemId: string) {
  const item = testBackend.state.itemsById.get(itemId);
  const latest = testBackend.state.decisions.get(itemId)?.at(-1);
  if (!item || !latest) throw new Error('fixture: a decided item');
  const mira = signInForTest('usr_mira').cookie;
  const response = await call('POST', `/api/items/${itemId}/corrections`, mira, {
    supersedes: latest.id,
    verdict: { kind: 'dismiss', reason: 'non_sexual' },
    rationale: 'Seen again at full size: not sexual content.',
    itemVersion: item.version,
    idempotencyKey: `dismiss-${itemId}`,
  });
  expect(response.status, response.text).toBe(200);
}

const stepEvents = (reportId: string) =>
  reportEvents(reportId).filter((e) => e.action === 'report.filing_step');

describe('a report is filed exactly once, whatever fails', () => {
  it('a finish whose answer was lost, then a retraction: NCMEC answers 5102, so the report is filed, with its id and deadline', async () => {
    testBackend.configure({ faults: ['ncmec:finish:lost'] });
    const approved = await approvedReport();
    await file(approved);
    const stopped = await settled(approved.id);
    expect(stopped.filing).toMatchObject({ state: 'failed', error: { ncmecCode: null } });
    const ncmecReportId = stopped.filing?.ncmecReportId ?? '';
    expect(testBackend.state.ncmec.reports()[0]).toMatchObject({
      reportId: ncmecReportId,
      state: 'finished', // NCMEC finished it; only its answer was lost
    });

    testBackend.configure({ faults: [] });
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
    expect(reportEvents(approved.id).at(-1)).toMatchObject({
      action: 'report.filed',
      detail: { ncmecReportId, status: 'filed' },
    });
    // Filed: it is never retracted or filed again.
    expect((await file(report, 'retract')).status).toBe(409);
  });

  it('an item dismissed while the filing runs stops it before finish: what was submitted is retracted, the report says why, and it can be reopened', async () => {
    const approved = await approvedReport();
    const itemId = approved.files[0]?.itemIds[0] ?? '';
    await file(approved);
    await sleep(200); // submit is done by now, finish is not
    await dismissByCorrection(itemId);
    const report = await settled(approved.id);
    expect(report.status).toBe('retracted');
    expect(report.filed).toBeNull();
    expect(report.filing?.retraction?.reason).toContain(itemId);
    expect(report.filing?.retraction?.reason).toMatch(/dismissed by Mira Stone/);
    expect(ncmecCalls('finish', null)).toHaveLength(0);
    expect(ncmecCalls('retract')).toHaveLength(1);
    expect(testBackend.state.ncmec.reports()[0]?.state).toBe('retracted');
    expect(reportEvents(approved.id).at(-1)).toMatchObject({
      action: 'report.retracted',
      detail: { ncmecReportId: report.filing?.ncmecReportId ?? '' },
    });

    const reopened = await transition(report, sasha(), 'draft');
    expect(reopened).toMatchObject({ status: 'draft', reporter: null, filing: null });
    expect(reopened.files.flatMap((f) => f.itemIds)).not.toContain(itemId);
  });

  it('an item dismissed while the filing is stopped: resuming retracts instead of finishing', async () => {
    testBackend.configure({ faults: ['ncmec:finish:1000'] });
    const approved = await approvedReport();
    const itemId = approved.files[0]?.itemIds[0] ?? '';
    await file(approved);
    const stopped = await settled(approved.id);
    testBackend.configure({ faults: [] });
    await dismissByCorrection(itemId);
    await file(await settled(approved.id), 'resume');
    const report = await settled(approved.id);
    expect(report.status).toBe('retracted');
    expect(report.filing?.retraction?.reason).toContain(itemId);
    expect(ncmecCalls('finish', 0)).toHaveLength(0);
    expect(testBackend.state.ncmec.reports()[0]).toMatchObject({
      reportId: stopped.filing?.ncmecReportId,
      state: 'retracted',
    });
  });

  it('every NCMEC step is an audit event: submit with NCMEC’s report id, each upload with its file id, fileinfo, finish; a retraction too', async () => {
    const approved = await approvedReport(2);
    await file(approved);
    const report = await settled(approved.id);
    const ncmecReportId = report.filed?.ncmecReportId ?? '';
    const [first, second] = report.files.map((f) => f.sha256);
    const atNcmec = testBackend.state.ncmec.reports()[0];
    const fileIds = atNcmec?.files.map((f) => f.fileId) ?? [];
    expect(stepEvents(approved.id).map((e) => e.detail)).toEqual([
      expect.objectContaining({ step: 'submit', ncmecCode: 0, ncmecReportId }),
      expect.objectContaining({ step: 'upload', fileSha256: first, ncmecFileId: fileIds[0] }),
      expect.objectContaining({ step: 'fileinfo', fileSha256: first, ncmecFileId: fileIds[0] }),
      expect.objectContaining({ step: 'upload', fileSha256: second, ncmecFileId: fileIds[1] }),
      expect.objectContaining({ step: 'fileinfo', fileSha256: second, ncmecFileId: fileIds[1] }),
      expect.objectContaining({ step: 'finish', ncmecCode: 0, ncmecReportId }),
    ]);
    for (const event of stepEvents(approved.id)) {
      expect(event.actor.id).toBe('usr_sasha');
      expect(event.detail.answerSha256).toMatch(/^[0-9a-f]{64}$/);
    }

    testBackend.configure({ faults: ['ncmec:upload:1000'] });
    const other = await approvedReport();
    await file(other);
    await file(await settled(other.id), 'retract');
    await settled(other.id);
    expect(stepEvents(other.id).map((e) => [e.detail.step, e.detail.ncmecCode])).toEqual([
      ['submit', 0],
      ['upload', 1000],
      ['retract', 0],
    ]);
  });

  it('the documents sent and NCMEC’s answers are kept: supervisors and auditors download them, and each matches the SHA-256 in its audit event', async () => {
    const approved = await approvedReport(2);
    await file(approved);
    await settled(approved.id);
    const path = `/api/reports/${approved.id}/filing-documents`;
    const ana = signInForTest('usr_ana').cookie;
    expect((await call('GET', path, ana)).status).toBe(403);
    const alex = signInForTest('usr_alex').cookie;
    const { documents } = FilingDocumentList.parse((await call('GET', path, alex)).json);
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
    const events = stepEvents(approved.id);
    const atNcmec = testBackend.state.ncmec.reports()[0];
    for (const doc of documents) {
      const download = await call('GET', `${path}/${doc.id}`, sasha());
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
    expect((await call('GET', `${path}/nope`, alex)).status).toBe(404);
  });

  it('the preservation deadline is one calendar year after filing, across 29 February too', async () => {
    // Filed in June 2027, a year that ends past 29 February 2028: 365 days would fall a day short.
    advanceBackendClock(Date.parse('2027-06-01T12:00:00Z') - Date.now());
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
