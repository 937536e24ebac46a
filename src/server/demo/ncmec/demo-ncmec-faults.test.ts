import { expect, test } from 'vitest';
import {
  DEMO_NCMEC_BASE_URL,
  DEMO_NCMEC_PASSWORD,
  DEMO_NCMEC_USERNAME,
  createDemoNcmec,
} from './demo-ncmec';
import { createNcmecClient } from '../../ncmec/ncmec-client';

import { reportXml, setup, bytes, openReport } from './demo-ncmec-test-kit';

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
