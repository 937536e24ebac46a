import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
  DEMO_NCMEC_BASE_URL,
  DEMO_NCMEC_PASSWORD,
  DEMO_NCMEC_USERNAME,
  createDemoNcmec,
} from './demo-ncmec';
import { fileNcmecStore } from './demo-ncmec-store';
import { createNcmecClient } from '../../ncmec/ncmec-client';

import { reportXml, fileDetailsXml, setup, bytes, md5Of, openReport } from './demo-ncmec-test-kit';

test('the whole filing sequence: submit, upload, fileinfo, finish', async () => {
  const { ncmec, client } = setup();
  expect(await client.status()).toMatchObject({ code: 0, description: /verity-demo/ });

  const submitted = await client.submit(reportXml());
  expect(submitted).toEqual({ code: 0, description: 'Success', reportId: '90000001' });
  const reportId = submitted.reportId ?? '';

  const uploaded = await client.upload(reportId, 'item-1.jpg', bytes);
  expect(uploaded).toMatchObject({ code: 0, reportId, md5: md5Of(bytes) });
  expect(uploaded.fileId).toMatch(/^[0-9a-f]{32}$/);
  const fileId = uploaded.fileId ?? '';

  expect(await client.fileinfo(fileDetailsXml(reportId, fileId))).toMatchObject({ code: 0 });
  expect(await client.finish(reportId)).toEqual({
    code: 0,
    description: 'Success',
    reportId,
    files: [fileId],
  });

  const [report] = ncmec.reports();
  expect(report).toMatchObject({ reportId, state: 'finished', xml: reportXml() });
  expect(report?.files).toEqual([
    expect.objectContaining({ fileId, fileName: 'item-1.jpg', md5: md5Of(bytes) }),
  ]);
  expect(report?.files[0]?.detailsXml).toContain('shard-0007 &amp; co.jpg');
  expect(ncmec.calls.map((c) => [c.endpoint, c.responseCode])).toEqual([
    ['status', 0],
    ['submit', 0],
    ['upload', 0],
    ['fileinfo', 0],
    ['finish', 0],
  ]);
  expect(await openReport(client)).toBe('90000002'); // ids increase
});

test('a report is finished once: a second finish gets 5102', async () => {
  const { state, ncmec, client } = setup();
  const reportId = await openReport(client);
  state.faults = ['ncmec:finish:1000']; // the first attempt fails on NCMEC's side
  expect((await client.finish(reportId)).code).toBe(1000);
  state.faults = [];
  expect((await client.finish(reportId)).code).toBe(0);
  expect(await client.finish(reportId)).toMatchObject({ code: 5102, reportId });
  expect((await client.upload(reportId, 'late.jpg', bytes)).code).toBe(5102);

  const finishes = ncmec.calls.filter((c) => c.endpoint === 'finish');
  expect(finishes.map((c) => c.responseCode)).toEqual([1000, 0, 5102]);
  expect(finishes.filter((c) => c.responseCode === 0)).toHaveLength(1);
  expect(finishes.every((c) => c.reportId === reportId)).toBe(true);
});

test('an open report can be retracted; a finished one cannot', async () => {
  const { ncmec, client } = setup();
  const open = await openReport(client);
  expect(await client.retract(open)).toMatchObject({ code: 0, reportId: open });
  expect(ncmec.reports()[0]?.state).toBe('retracted');
  expect((await client.upload(open, 'a.jpg', bytes)).code).toBe(5101);
  expect((await client.finish(open)).code).toBe(5101);

  const finished = await openReport(client);
  await client.finish(finished);
  expect(await client.retract(finished)).toMatchObject({ code: 5102 });
  expect(ncmec.reports()[1]?.state).toBe('finished');
});

test('unknown reports and files are 5001 and 5002', async () => {
  const { client } = setup();
  expect((await client.upload('123', 'a.jpg', bytes)).code).toBe(5001);
  expect((await client.finish('123')).code).toBe(5001);
  expect((await client.retract('123')).code).toBe(5001);
  expect((await client.fileinfo(fileDetailsXml('123', 'f'))).code).toBe(5001);
  const reportId = await openReport(client);
  expect((await client.fileinfo(fileDetailsXml(reportId, 'nope'))).code).toBe(5002);
});

test('file details are accepted once per file', async () => {
  const { client } = setup();
  const reportId = await openReport(client);
  const { fileId = '' } = await client.upload(reportId, 'a.jpg', bytes);
  expect((await client.fileinfo(fileDetailsXml(reportId, fileId))).code).toBe(0);
  expect(await client.fileinfo(fileDetailsXml(reportId, fileId))).toMatchObject({
    code: 4000,
    description: /already submitted/,
  });
});

test('an unfinished report lapses after 24 hours and then counts as retracted', async () => {
  const { state, ncmec, client } = setup();
  const reportId = await openReport(client);
  state.now = new Date(state.now.getTime() + 24 * 3_600_000 + 1);
  expect((await client.finish(reportId)).code).toBe(5101);
  expect(ncmec.reports()[0]?.state).toBe('retracted');
});

test('a request to an endpoint the demo does not have throws', async () => {
  const { ncmec } = setup();
  await expect(ncmec.fetch(new Request(`${DEMO_NCMEC_BASE_URL}/xsd`))).rejects.toThrow(
    /no endpoint/,
  );
});

test('what NCMEC received outlives the process: a new demo NCMEC on the same file knows it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verity-ncmec-'));
  try {
    const path = join(dir, 'ncmec.jsonl');
    const now = () => new Date('2025-06-01T12:00:00Z');
    const first = createDemoNcmec({ now, faults: () => [], store: fileNcmecStore(path) });
    const client = createNcmecClient({
      fetch: (request) => first.fetch(request),
      baseUrl: DEMO_NCMEC_BASE_URL,
      username: DEMO_NCMEC_USERNAME,
      password: DEMO_NCMEC_PASSWORD,
    });
    const reportId = await openReport(client);
    await client.finish(reportId);
    // A crash mid-write leaves a torn last line: it is skipped, and the next entry starts afresh.
    appendFileSync(path, '{"kind":"call","ca');

    const again = createDemoNcmec({ now, faults: () => [], store: fileNcmecStore(path) });
    expect(again.reports()).toEqual(first.reports());
    expect(again.reports()[0]).toMatchObject({ reportId, state: 'finished' });
    expect(again.calls.map((c) => c.endpoint)).toEqual(['submit', 'finish']);
    const next = createNcmecClient({
      fetch: (request) => again.fetch(request),
      baseUrl: DEMO_NCMEC_BASE_URL,
      username: DEMO_NCMEC_USERNAME,
      password: DEMO_NCMEC_PASSWORD,
    });
    expect(await next.finish(reportId)).toMatchObject({ code: 5102 });
    expect(await openReport(next)).toBe('90000002');
    const third = createDemoNcmec({ now, faults: () => [], store: fileNcmecStore(path) });
    expect(third.calls.map((c) => c.endpoint)).toEqual(['submit', 'finish', 'finish', 'submit']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
