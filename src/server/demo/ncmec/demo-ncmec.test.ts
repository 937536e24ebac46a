import { createHash } from 'node:crypto';
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

const INCIDENT = 'Child Pornography (possession, manufacture, and distribution)';

/** A small hand-written `<report>`; each part can be replaced to break one rule. */
function reportXml({
  when = '2025-03-01T08:00:00Z',
  reportingPerson = '<firstName>Ana</firstName><email>filer@verity.example</email>',
  extra = '',
} = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<report>${extra}
  <incidentSummary>
    <incidentType>${INCIDENT}</incidentType>
    <incidentDateTime>${when}</incidentDateTime>
  </incidentSummary>
  <reporter><reportingPerson>${reportingPerson}</reportingPerson></reporter>
</report>`;
}

const fileDetailsXml = (reportId: string, fileId: string) =>
  `<fileDetails><reportId>${reportId}</reportId><fileId>${fileId}</fileId>` +
  `<originalFileName>shard-0007 &amp; co.jpg</originalFileName></fileDetails>`;

/** A demo NCMEC with a settable clock and fault list, and a client signed in to it. */
function setup(password = DEMO_NCMEC_PASSWORD) {
  const state = { now: new Date('2025-06-01T12:00:00Z'), faults: [] as string[] };
  const ncmec = createDemoNcmec({ now: () => state.now, faults: () => state.faults });
  const client = createNcmecClient({
    fetch: (request) => ncmec.fetch(request),
    baseUrl: DEMO_NCMEC_BASE_URL,
    username: DEMO_NCMEC_USERNAME,
    password,
  });
  return { state, ncmec, client };
}

const bytes = new TextEncoder().encode('synthetic preview bytes');
const md5Of = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

async function openReport(client: ReturnType<typeof setup>['client']) {
  const { reportId } = await client.submit(reportXml());
  if (reportId === undefined) throw new Error('submit gave no report id');
  return reportId;
}

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

test('wrong or missing credentials get 2000 and open nothing', async () => {
  const { ncmec, client } = setup('not-the-password');
  expect(await client.submit(reportXml())).toMatchObject({ code: 2000 });
  expect(ncmec.reports()).toEqual([]);

  const response = await ncmec.fetch(new Request(`${DEMO_NCMEC_BASE_URL}/status`));
  expect(response.status).toBe(401);
  expect(response.headers.get('WWW-Authenticate')).toMatch(/^Basic/);
  expect(ncmec.calls.map((c) => c.responseCode)).toEqual([2000, 2000]);
});

test('a report without the reporter’s email is rejected with 4100 naming the field', async () => {
  const { ncmec, client } = setup();
  const result = await client.submit(reportXml({ reportingPerson: '<firstName>Ana</firstName>' }));
  expect(result.code).toBe(4100);
  expect(result.description).toMatch(/^Validation failed: .*reporter\/reportingPerson\/email/);
  expect(result.reportId).toBeUndefined();
  expect(ncmec.reports()).toEqual([]);
});

test('an incident time in the future, or without a zone, is rejected', async () => {
  const { client } = setup(); // now is 2025-06-01T12:00:00Z
  const future = await client.submit(reportXml({ when: '2025-06-01T12:00:01Z' }));
  expect(future).toMatchObject({ code: 4100, description: /must be in the past/ });
  const zoneless = await client.submit(reportXml({ when: '2025-03-01T08:00:00' }));
  expect(zoneless).toMatchObject({ code: 4100, description: /with a zone/ });
  const offset = await client.submit(reportXml({ when: '2012-10-15T08:00:00-07:00' }));
  expect(offset.code).toBe(0);
});

test('a value NCMEC’s rules refuse gets 4100 naming the field and the rule, as NCMEC documents', async () => {
  const { ncmec, client } = setup();
  const page = (url: string) =>
    `<internetDetails><webPageIncident><url>${url}</url></webPageIncident></internetDetails>`;
  const refused = async (xml: string) => (await client.submit(xml)).description;
  expect(
    await refused(
      reportXml({ extra: '' }).replace(
        '</incidentSummary>',
        `</incidentSummary>${page('javascript:alert(1)')}`,
      ),
    ),
  ).toBe('Validation failed: report/internetDetails/webPageIncident/url must be a valid URL');
  const long = `https://example.com/${'a'.repeat(2100)}`;
  expect(
    await refused(reportXml().replace('</incidentSummary>', `</incidentSummary>${page(long)}`)),
  ).toBe(
    'Validation failed: report/internetDetails/webPageIncident/url max length is 2083 characters',
  );
  const person = (inner: string) =>
    reportXml().replace(
      '</report>',
      `<personOrUserReported>${inner}</personOrUserReported></report>`,
    );
  expect(await refused(person(`<screenName>${'u'.repeat(257)}</screenName>`))).toBe(
    'Validation failed: report/personOrUserReported/screenName max length is 256 characters',
  );
  expect(
    await refused(
      person(
        '<ipCaptureEvent><ipAddress>203.0.113.7</ipAddress><dateTime>2099-01-01T00:00:00Z</dateTime></ipCaptureEvent>',
      ),
    ),
  ).toBe(
    'Validation failed: report/personOrUserReported/ipCaptureEvent/dateTime must be in the past',
  );
  expect(
    await refused(
      reportXml().replace(
        '</report>',
        '<personOrUserReported><screenName>a</screenName></personOrUserReported><personOrUserReported><screenName>b</screenName></personOrUserReported></report>',
      ),
    ),
  ).toBe(
    'Validation failed: report/personOrUserReported element is optional but at most 1 element may be supplied',
  );
  expect(ncmec.reports()).toEqual([]);

  const reportId = await openReport(client);
  const { fileId = '' } = await client.upload(reportId, 'a.jpg', bytes);
  const details = fileDetailsXml(reportId, fileId).replace(
    '</fileDetails>',
    `<originalFileName>${'n'.repeat(2057)}</originalFileName></fileDetails>`,
  );
  expect(await client.fileinfo(details)).toMatchObject({
    code: 4100,
    description: 'Validation failed: fileDetails/originalFileName max length is 2056 characters',
  });
});

test('a batched report may not carry source details; broken XML is 4110', async () => {
  const { client } = setup();
  const batched = '<batchedReport reason="VIRAL_POTENTIAL_MEME"/>';
  const source =
    '<internetDetails><webPageIncident><url>https://a.example/x</url></webPageIncident></internetDetails>';
  expect(await client.submit(reportXml({ extra: batched + source }))).toMatchObject({
    code: 4100,
    description: /report\/internetDetails is not allowed in a batched/,
  });
  expect((await client.submit(reportXml({ extra: batched }))).code).toBe(0);
  expect((await client.submit('<report><incidentSummary></report>')).code).toBe(4110);
  expect((await client.submit('<!DOCTYPE report [<!ENTITY x "y">]><report/>')).code).toBe(4110);
  expect((await client.submit(fileDetailsXml('1', '2'))).code).toBe(4100); // wrong root
});

test('the `ncmec:4100` fault rejects every submit while it is set', async () => {
  const { state, client } = setup();
  state.faults = ['ncmec:4100'];
  const result = await client.submit(reportXml());
  expect(result).toMatchObject({ code: 4100, description: /^Validation failed: / });
  expect((await client.submit(reportXml())).code).toBe(4100);
  state.faults = [];
  expect((await client.submit(reportXml())).code).toBe(0);
});

test('the `ncmec:submit:slow` fault holds each submit back before NCMEC receives it; other endpoints are not slowed', async () => {
  const state = { now: new Date('2025-06-01T12:00:00Z'), faults: ['ncmec:submit:slow'] };
  const ncmec = createDemoNcmec({ now: () => state.now, faults: () => state.faults, slowMs: 200 });
  const client = createNcmecClient({
    fetch: (request) => ncmec.fetch(request),
    baseUrl: DEMO_NCMEC_BASE_URL,
    username: DEMO_NCMEC_USERNAME,
    password: DEMO_NCMEC_PASSWORD,
  });
  const started = performance.now();
  const submitted = client.submit(reportXml());
  await new Promise((resolve) => setTimeout(resolve, 50));
  // On its way: NCMEC has received nothing yet.
  expect(ncmec.calls).toEqual([]);
  expect(ncmec.reports()).toEqual([]);
  const { reportId = '' } = await submitted;
  expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  expect(ncmec.reports()).toHaveLength(1);
  const finishing = performance.now();
  expect((await client.finish(reportId)).code).toBe(0);
  expect(performance.now() - finishing).toBeLessThan(190);
});

test('the `ncmec:upload:1000` fault fails uploads only, and stores nothing', async () => {
  const { state, ncmec, client } = setup();
  const reportId = await openReport(client);
  state.faults = ['ncmec:upload:1000'];
  expect(await client.upload(reportId, 'a.jpg', bytes)).toMatchObject({ code: 1000, reportId });
  expect(ncmec.reports()[0]?.files).toEqual([]);
  state.faults = [];
  expect((await client.upload(reportId, 'a.jpg', bytes)).code).toBe(0);
  expect((await client.finish(reportId)).code).toBe(0);
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

test('the `ncmec:finish:lost` fault: NCMEC finishes the report, and its answer never arrives', async () => {
  const { state, ncmec, client } = setup();
  const reportId = await openReport(client);
  state.faults = ['ncmec:finish:lost'];
  await expect(client.finish(reportId)).rejects.toThrow(/answer was lost/);
  expect(ncmec.reports()[0]?.state).toBe('finished');
  state.faults = [];
  expect(await client.retract(reportId)).toMatchObject({ code: 5102, reportId });
  expect(ncmec.calls.map((c) => [c.endpoint, c.responseCode])).toEqual([
    ['submit', 0],
    ['finish', 0],
    ['retract', 5102],
  ]);
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
