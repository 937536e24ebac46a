import { afterAll, beforeAll, expect, test } from 'vitest';
import { OrganisationWellness } from '../../api/schemas/wellness';
import { openTestServer, type TestServer } from '../testing/test-server';
import { ORGANISATION_WELLNESS_KEY, organisationWellness } from './organisation-wellness';

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

test('every signed-in role reads the organisation’s wellness defaults', async () => {
  for (const userId of ['usr_ana', 'usr_sasha', 'usr_alex']) {
    const client = await server.signIn(userId);
    const response = await client.get('/api/settings/organisation');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(OrganisationWellness.parse(await response.json())).toMatchObject({
      reblurSeconds: 10,
      shiftHours: 8,
      grayscale: true,
    });
  }
});

test('without a session the defaults are refused', async () => {
  const response = await server.call('/api/settings/organisation');
  expect(response.status).toBe(401);
});

test('an organisation’s own defaults, kept in its settings, replace the built-in ones', async () => {
  const own = { ...organisationWellness, reblurSeconds: 5, shiftHours: 10 };
  await server.database.db
    .insertInto('settings')
    .values({ key: ORGANISATION_WELLNESS_KEY, value: JSON.stringify(own), version: 1 })
    .execute();
  try {
    const ana = await server.signIn('usr_ana');
    const read = OrganisationWellness.parse(
      await (await ana.get('/api/settings/organisation')).json(),
    );
    expect(read).toEqual(own);
  } finally {
    await server.database.db
      .deleteFrom('settings')
      .where('key', '=', ORGANISATION_WELLNESS_KEY)
      .execute();
  }
});
