import { expect, test } from 'vitest';
import { OrganisationWellness } from '../../api/schemas/wellness';
import { callMock, signInForTest } from '../../test/mock-server';

test('every signed-in role reads the organisation’s wellness defaults', async () => {
  for (const userId of ['usr_ana', 'usr_sasha', 'usr_alex']) {
    const { cookie } = signInForTest(userId);
    const response = await callMock('/api/settings/organisation', { cookie });
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
  const response = await callMock('/api/settings/organisation');
  expect(response.status).toBe(401);
});
