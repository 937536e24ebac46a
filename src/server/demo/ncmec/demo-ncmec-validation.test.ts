import { expect, test } from 'vitest';
import { DEMO_NCMEC_BASE_URL } from './demo-ncmec';

import { reportXml, fileDetailsXml, setup, bytes, openReport } from './demo-ncmec-test-kit';

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
