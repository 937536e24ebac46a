import { expect, test } from 'vitest';
import {
  NcmecResponseError,
  createNcmecClient,
  ncmecCodeMessage,
  parseNcmecResponse,
} from './ncmec-client';

test('a response is read with its entities and CDATA undone', () => {
  const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<reportResponse>
    <responseCode>4100</responseCode>
    <responseDescription>Validation failed: &lt;email&gt; &amp; &#8220;more&#x201D;</responseDescription>
    <reportId>4564654</reportId>
    <fileId><![CDATA[b0754af766b426f2928a02c651ed4b99]]></fileId>
    <hash>FAFA5EFEAF3CBE3B23B2748D13E629A1</hash>
</reportResponse>`;
  expect(parseNcmecResponse(400, body)).toEqual({
    code: 4100,
    description: 'Validation failed: <email> & \u201cmore\u201d',
    reportId: '4564654',
    fileId: 'b0754af766b426f2928a02c651ed4b99',
    md5: 'fafa5efeaf3cbe3b23b2748d13e629a1',
  });
});

test('a finish receipt lists its files and takes its description from the code', () => {
  const body = `<reportDoneResponse><responseCode>0</responseCode><reportId>4564654</reportId>
    <files><fileId>a1</fileId><fileId>b2</fileId></files></reportDoneResponse>`;
  expect(parseNcmecResponse(200, body)).toEqual({
    code: 0,
    description: 'Success',
    reportId: '4564654',
    files: ['a1', 'b2'],
  });
  expect(
    parseNcmecResponse(
      200,
      '<reportDoneResponse><responseCode>5102</responseCode><reportId>1</reportId><files/></reportDoneResponse>',
    ),
  ).toMatchObject({ code: 5102, description: 'Report already finished', files: [] });
});

test('a body that is not NCMEC XML throws, except a bare 401, which is 2000', () => {
  expect(() => parseNcmecResponse(502, '<html>Bad gateway</html>')).toThrow(NcmecResponseError);
  expect(() =>
    parseNcmecResponse(200, '<reportResponse><responseCode>x</responseCode></reportResponse>'),
  ).toThrow(NcmecResponseError);
  expect(parseNcmecResponse(401, '')).toMatchObject({ code: 2000 });
});

test('the client sends Basic credentials, XML as text/xml and ids as form fields', async () => {
  const seen: Request[] = [];
  const client = createNcmecClient({
    fetch: (request) => {
      seen.push(request);
      return Promise.resolve(
        new Response(
          '<reportResponse><responseCode>0</responseCode><responseDescription/></reportResponse>',
        ),
      );
    },
    baseUrl: 'https://exttest.example/ispws/',
    username: 'usr123',
    password: 'pswd123',
  });
  expect(await client.submit('<report/>')).toEqual({ code: 0, description: 'Success' });
  await client.finish('4564654');
  const [submit, finish] = seen;
  expect(submit?.url).toBe('https://exttest.example/ispws/submit');
  expect(submit?.headers.get('Authorization')).toBe(`Basic ${btoa('usr123:pswd123')}`);
  expect(submit?.headers.get('Content-Type')).toBe('text/xml; charset=utf-8');
  expect((await finish?.formData())?.get('id')).toBe('4564654');
});

test('every documented code and range has a message a person can act on', () => {
  expect(ncmecCodeMessage(4100)).toMatch(
    /^NCMEC rejected the report as invalid against its schema \(4100\)/,
  );
  const documented = [
    0, 1000, 1100, 1110, 1111, 1210, 1300, 2000, 3000, 3100, 3300, 4000, 4100, 4110, 4200, 5001,
    5002, 5101, 5102,
  ];
  for (const code of documented) expect(ncmecCodeMessage(code)).toContain(`(${code})`);
  expect(ncmecCodeMessage(1000)).toMatch(/server error/);
  expect(ncmecCodeMessage(2000)).toMatch(/authentication/);
  expect(ncmecCodeMessage(3100)).toMatch(/may not submit/);
  expect(ncmecCodeMessage(4110)).toMatch(/not well-formed/);
  expect(ncmecCodeMessage(5001)).toMatch(/no such report/);
  expect(ncmecCodeMessage(5101)).toMatch(/already retracted/);
  expect(ncmecCodeMessage(5102)).toMatch(/already finished/);
  // Undocumented codes fall back on their range.
  expect(ncmecCodeMessage(1200)).toMatch(/server error.*\(code 1200\)/);
  expect(ncmecCodeMessage(2100)).toMatch(/authenticate.*\(code 2100\)/);
  expect(ncmecCodeMessage(3200)).toMatch(/not authorized.*\(code 3200\)/);
  expect(ncmecCodeMessage(4300)).toMatch(/invalid.*\(code 4300\)/);
  expect(ncmecCodeMessage(5003)).toMatch(/missing, retracted or already finished.*\(code 5003\)/);
  expect(ncmecCodeMessage(9999)).toMatch(/\(code 9999\)/);
});
