import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSRF_HEADER, CSRF_VALUE } from '../src/api/headers';
import { expect, test } from './fixtures';

test.describe('an expired session', () => {
  test.use({ allowedFailedStatuses: [401] });

  test('a 401 from any call returns to sign-in with a message', async ({
    page,
    signInAs,
    mock,
  }) => {
    await page.clock.install();
    await signInAs('analyst');
    await expect(page.getByRole('table', { name: /queues/i })).toBeVisible();
    // The server forgets every session; the next refresh of the dashboard gets a 401.
    await mock({ reset: true });
    await page.clock.fastForward('00:31');
    await expect(page.getByRole('heading', { name: 'Sign in to Verity' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(
      'Your session has ended. Sign in again to continue.',
    );
  });
});

test('a state-changing request without the CSRF header is refused', async ({ request }) => {
  const refused = await request.post('/api/session', { data: { userId: 'usr_ana' } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: 'csrf' } });
  expect(refused.headers()['set-cookie']).toBeUndefined();
  const accepted = await request.post('/api/session', {
    data: { userId: 'usr_ana' },
    headers: { [CSRF_HEADER]: CSRF_VALUE },
  });
  expect(accepted.status()).toBe(200);
  expect((await request.delete('/api/session')).status()).toBe(403);
});

test('the console is served with a strict CSP, no referrer and no framing', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
});

test('no page or worker of the console breaks its CSP, not even with an eval probe it catches', async ({
  page,
  signInAs,
}) => {
  // The fixture fails the test on any violation; these screens parse with zod in the page and,
  // for the chain's verification, in a worker.
  await signInAs('supervisor');
  await expect(page.getByRole('table', { name: /queues/i })).toBeVisible();
  await page.goto('/audit');
  await page.getByRole('button', { name: /^Verify events 1–/ }).click();
  await expect(page.getByText(/^Verified [\d,]+ events: the chain holds/)).toBeVisible({
    timeout: 20_000,
  });
});

test('the console’s icon is a hashed asset, cached for a year like the rest of the build', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toMatch(/^\/assets\/favicon-[\w-]+\.svg$/);
  const icon = await request.get(href ?? '');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/svg+xml');
  expect(icon.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('the session cookie is HttpOnly and SameSite=Strict', async ({ page, signInAs }) => {
  await signInAs('auditor');
  const cookies = await page.context().cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ name: 'verity_session', httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('the production build contains no mock code', () => {
  const assets = join(import.meta.dirname, '..', 'dist', 'assets');
  const bundle = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(assets, file), 'utf8'))
    .join('\n');
  expect(bundle.length).toBeGreaterThan(10_000);
  for (const marker of [
    '__mock/config',
    'msw',
    'mockServiceWorker',
    'usr_ana',
    'Acme Data',
    'DROP TABLE items',
    'injected_fault',
  ]) {
    expect(bundle, `the bundle mentions ${marker}`).not.toContain(marker);
  }
});
