import type { APIRequestContext } from '@playwright/test';
import { ItemDetail } from '../src/api/schemas/decision';
import type { FlaggedItem } from '../src/api/schemas/item';
import { ItemPage } from '../src/api/schemas/item';
import { axeViolations, expect, test, type Page } from './fixtures';

/** The first item of the seeded data that matches, found through the API as the console would. */
async function findItem(request: APIRequestContext, matches: (item: FlaggedItem) => boolean) {
  for (const queue of ['q-hash', 'q-clf-high', 'q-clf-low', 'q-text']) {
    const list = ItemPage.parse(
      await (await request.get(`/api/queues/${queue}/items?limit=200`)).json(),
    );
    for (const row of list.items) {
      const { item } = ItemDetail.parse(await (await request.get(`/api/items/${row.id}`)).json());
      if (matches(item)) return item;
    }
  }
  throw new Error('no seeded item matches');
}

/** Every request the page makes for media of any kind. */
function recordMediaRequests(page: Page) {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\/(preview|reveal|media)\b/.test(request.url()) || request.resourceType() === 'image') {
      urls.push(request.url());
    }
  });
  return urls;
}

test('a hash-only item shows hashes and a fingerprint and makes no media request at all', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const item = await findItem(page.request, (i) => i.preview.mode === 'hash_only');
  const media = recordMediaRequests(page);
  await page.goto(`/items/${item.id}`);
  await expect(page.getByRole('heading', { name: item.id })).toBeVisible();
  await expect(page.getByRole('img', { name: /Visual fingerprint of SHA-256/ })).toBeVisible();
  await expect(page.getByText(item.media.sha256)).toBeVisible();
  await expect(page.getByText('Hash only: no media is loaded for this item.')).toBeVisible();
  expect(media).toEqual([]);
});

test('a blurred item loads only its server-blurred derivative, blurred and grey on top', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const item = await findItem(page.request, (i) => i.preview.mode === 'blurred');
  const media = recordMediaRequests(page);
  await page.goto(`/items/${item.id}`);
  const image = page.getByRole('img', { name: 'Server-blurred preview (not the original)' });
  await expect(image).toBeVisible();
  const filter = await image.evaluate((el) => getComputedStyle(el).filter);
  expect(filter).toContain('blur');
  expect(filter).toContain('grayscale');
  expect(media).toEqual([
    `http://127.0.0.1:${new URL(page.url()).port}/api/items/${item.id}/preview`,
  ]);
});

test('an auditor sees no image at all, not even the blurred one, and no media is requested', async ({
  page,
  signInAs,
}) => {
  await signInAs('auditor');
  const item = await findItem(page.request, (i) => i.preview.mode === 'blurred');
  const media = recordMediaRequests(page);
  await page.goto(`/items/${item.id}`);
  await expect(
    page.getByText('Media is never shown to auditors: hashes and metadata only.'),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /blurred preview/i })).toHaveCount(0);
  await expect(page.getByText(item.media.sha256)).toBeVisible();
  expect(media).toEqual([]);
});

test('hostile provenance is shown as defanged text: no link, nothing runs', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const item = await findItem(page.request, (i) =>
    i.provenance.origin.sourceUrls.some((url) => url.toLowerCase().startsWith('javascript:')),
  );
  await page.goto(`/items/${item.id}`);
  const provenance = page.getByRole('region', { name: 'Provenance' });
  await expect(provenance.getByText(/javascript\[:\]/i).first()).toBeVisible();
  await expect(provenance.getByRole('link')).toHaveCount(0);
  await expect(
    page.locator('a[href^="javascript" i], img[onerror], script:not([src])'),
  ).toHaveCount(0);
});

test('each report field of the provenance shows present or missing', async ({ page, signInAs }) => {
  await signInAs('supervisor');
  const item = await findItem(page.request, (i) => i.provenance.origin.hostIp === null);
  await page.goto(`/items/${item.id}`);
  const provenance = page.getByRole('region', { name: 'Provenance' });
  await expect(provenance).toContainText(/Report fields: \d+ of 10 present/);
  await expect(provenance).toContainText(/Missing: .*Server IP/);
});

test('the item page has no axe violations', async ({ page, signInAs }) => {
  await signInAs('analyst');
  const item = await findItem(page.request, (i) => i.preview.mode === 'blurred');
  await page.goto(`/items/${item.id}`);
  await expect(page.getByRole('heading', { name: item.id })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a reveal takes a confirm step, shows the original once, and blurs again by itself after 10 s', async ({
  page,
  signInAs,
}) => {
  await page.clock.install();
  await signInAs('analyst');
  const item = await findItem(page.request, (i) => i.preview.mode === 'blurred');
  const media = recordMediaRequests(page);
  await page.goto(`/items/${item.id}`);
  await expect(page.getByRole('img', { name: /Server-blurred preview/ })).toBeVisible();
  await expect(page.getByText('Reveals this sign-in: 0')).toBeVisible();
  await page.getByRole('button', { name: 'Reveal…' }).click();
  expect(media.filter((url) => url.includes('/reveal/'))).toEqual([]);
  await page.getByRole('button', { name: 'Reveal for 10 s' }).click();
  const original = page.getByRole('img', { name: /Revealed original/ });
  await expect(original).toBeVisible();
  await expect(page.getByText('Reveals this sign-in: 1')).toBeVisible();
  // Unblurred, but still grayscale (the organisation's default).
  expect(await original.evaluate((el) => getComputedStyle(el).filter)).toBe('grayscale(1)');
  await page.clock.fastForward('00:11');
  await expect(original).toHaveCount(0);
  await expect(page.getByRole('img', { name: /Server-blurred preview/ })).toBeVisible();
  expect(media.filter((url) => url.includes('/api/media/reveal/'))).toHaveLength(1);
});

test('revealed media blurs again when the analyst moves to another item', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const item = await findItem(
    page.request,
    (i) => i.preview.mode === 'blurred' && i.status === 'pending' && i.queueId === 'q-clf-high',
  );
  await page.goto(`/queues/q-clf-high?status=pending&item=${item.id}`);
  await page.getByRole('button', { name: 'Reveal…' }).click();
  await page.getByRole('button', { name: 'Reveal for 10 s' }).click();
  await expect(page.getByRole('img', { name: /Revealed original/ })).toBeVisible();
  await expect(
    page.getByRole('option', { name: new RegExp(item.id), selected: true }),
  ).toBeVisible();
  await page.keyboard.press('j');
  await expect(page).not.toHaveURL(new RegExp(`item=${item.id}`));
  await expect(page.getByRole('img', { name: /Revealed original/ })).toHaveCount(0);
});

test('revealed media blurs again when the window loses focus and when the tab is hidden, and each end is reported', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const item = await findItem(page.request, (i) => i.preview.mode === 'blurred');
  const ends: string[] = [];
  page.on('request', (request) => {
    if (/\/reveal\/[^/]+\/end$/.test(request.url()))
      ends.push((request.postDataJSON() as { reason: string }).reason);
  });
  await page.goto(`/items/${item.id}`);
  const original = page.getByRole('img', { name: /Revealed original/ });
  const reveal = async () => {
    await page.getByRole('button', { name: 'Reveal…' }).click();
    await page.getByRole('button', { name: 'Reveal for 10 s' }).click();
    await expect(original).toBeVisible();
  };

  await reveal();
  await page.evaluate("window.dispatchEvent(new Event('blur'))");
  await expect(original).toHaveCount(0);
  await expect(page.getByRole('img', { name: /Server-blurred preview/ })).toBeVisible();

  await reveal();
  await page.evaluate(
    "Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); document.dispatchEvent(new Event('visibilitychange'))",
  );
  await expect(original).toHaveCount(0);
  await expect(page.getByText('Reveals this sign-in: 2')).toBeVisible();
  await expect.poll(() => ends).toEqual(['window_blur', 'hidden']);
});
