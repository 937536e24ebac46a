import { expect, test } from 'vitest';
import { NCMEC_TEST_BASE_URL, ncmecAccessFromEnv } from './ncmec-settings';

test('without NCMEC’s settings filing is unavailable, and the message says what to set', () => {
  const none = ncmecAccessFromEnv({});
  expect(none.kind).toBe('unavailable');
  if (none.kind !== 'unavailable') return;
  expect(none.message).toMatch(/NCMEC_BASE_URL, NCMEC_USERNAME, NCMEC_PASSWORD are not set/);
  expect(none.message).toContain(NCMEC_TEST_BASE_URL);
  expect(none.message).toMatch(/Nothing was sent/);

  const noPassword = ncmecAccessFromEnv({
    NCMEC_BASE_URL: NCMEC_TEST_BASE_URL,
    NCMEC_USERNAME: 'usr123',
    NCMEC_PASSWORD: ' ',
  });
  expect(noPassword).toMatchObject({ kind: 'unavailable', message: /NCMEC_PASSWORD is not set/ });
  const plain = ncmecAccessFromEnv({
    NCMEC_BASE_URL: 'http://exttest.cybertip.org/ispws',
    NCMEC_USERNAME: 'usr123',
    NCMEC_PASSWORD: 'pswd123',
  });
  expect(plain).toMatchObject({ kind: 'unavailable', message: /must be an https URL/ });
});

test('with them, filing goes to the host named, with the account given', () => {
  const access = ncmecAccessFromEnv({
    NCMEC_BASE_URL: NCMEC_TEST_BASE_URL,
    NCMEC_USERNAME: 'usr123',
    NCMEC_PASSWORD: 'pswd123',
  });
  expect(access).toMatchObject({
    kind: 'ready',
    baseUrl: NCMEC_TEST_BASE_URL,
    username: 'usr123',
    password: 'pswd123',
  });
});
