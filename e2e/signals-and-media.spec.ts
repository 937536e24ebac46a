import { ItemDetail } from '../src/api/schemas/decision';
import { ItemPage } from '../src/api/schemas/item';
import { z } from '../src/lib/zod';
import { expect, test } from './fixtures';
import { lumaStats } from '../src/server/testing/png-luma';

test('the demo raises only hash matches within their list’s limit', async ({ page, signInAs }) => {
  await signInAs('analyst');
  // Once a PDQ match at distance 38 against a limit of 31.
  await page.goto('/items?item=itm_d6e3006p');
  const signals = page.getByRole('region', { name: 'Signals' });
  await expect(signals).toContainText(/distance \d+ \(match at ≤ 31\)/);
  const distance = Number(/distance (\d+)/.exec((await signals.textContent()) ?? '')?.[1]);
  expect(distance).toBeLessThanOrEqual(31);
  await expect(signals.getByText(/past its threshold/i)).toHaveCount(0);
  await page.goto('/queues/q-hash?status=all');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('itm_');
  await expect(page.getByRole('listbox').getByText('past threshold')).toHaveCount(0);
});

test('a signal past its threshold is marked as no match, on its row and on the item', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const made = await page.request.post('/__mock/past-threshold-signal', { data: {} });
  const { itemId } = z.object({ itemId: z.string() }).parse(await made.json());
  await page.goto(`/items?q=${itemId}&item=${itemId}`);
  const row = page.getByRole('option', { name: new RegExp(itemId) });
  await expect(row).toContainText(/NCMEC|INDUSTRY|INTERNAL/);
  await expect(row).toHaveAccessibleName(/d=38.*past threshold/);
  const signals = page.getByRole('region', { name: 'Signals' });
  await expect(signals.getByText('Past its threshold: not a match.')).toBeVisible();
  await expect(signals).toContainText('distance 38 (a match needs ≤ 31)');
  await expect(signals).toContainText('The distance is beyond the list’s limit.');
});

test('a provenance field is ticked only beside a value', async ({ page, signInAs }) => {
  await signInAs('analyst');
  // Acquired on a known date, never crawled: once "Crawled ✓" with nothing after it.
  const { item } = ItemDetail.parse(
    await (await page.request.get('/api/items/itm_b269003o')).json(),
  );
  expect(item.provenance.origin.crawledAt).toBeNull();
  expect(item.provenance.acquisition.acquiredAt).not.toBeNull();
  await page.goto('/items/itm_b269003o');
  const provenance = page.getByRole('region', { name: 'Provenance' });
  await expect(provenance.getByRole('term').filter({ hasText: 'Crawled' })).toHaveCount(0);
  await expect(
    provenance.getByRole('term').filter({ hasText: 'Crawl or acquisition time' }),
  ).toBeVisible();
  const when = provenance.getByRole('definition').filter({ hasText: /\(acquired\)/ });
  await expect(when).toContainText(`${item.provenance.acquisition.acquiredAt ?? '-'} (acquired)`);
  await expect(when).toContainText('✓ present');
  for (const empty of await provenance.getByRole('definition').filter({ hasText: /^—/ }).all())
    await expect(empty).not.toContainText('present');
});

test('a revealed original looks unlike its blurred preview, grayscale on', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const rows = ItemPage.parse(
    await (await page.request.get('/api/queues/q-clf-high/items?status=pending&limit=50')).json(),
  ).items;
  const target = rows.find((row) => row.previewMode === 'blurred' && row.lease === null);
  expect(target).toBeDefined();
  await page.goto(`/queues/q-clf-high?item=${target?.id}`);
  await expect(page.getByText(/^Held by you until/)).toBeVisible();
  const blurred = page.getByRole('img', { name: 'Server-blurred preview (not the original)' });
  await expect(blurred).toBeVisible();
  await expect(blurred).toHaveJSProperty('complete', true);
  const before = lumaStats(await blurred.screenshot());

  await page.getByRole('button', { name: 'Reveal…' }).click();
  await page.getByRole('button', { name: /^Reveal for \d+ s$/ }).click();
  const revealed = page.getByRole('img', { name: /^Revealed original/ });
  await expect(revealed).toBeVisible();
  await expect(revealed).toHaveJSProperty('complete', true);
  const after = lumaStats(await revealed.screenshot());
  // Grayscale either way; the original has hard edges and strong contrast, the preview a soft
  // gradient (its only edges are where the frame clips it).
  expect(before.chroma).toBeLessThan(4);
  expect(after.chroma).toBeLessThan(4);
  expect(after.contrast).toBeGreaterThan(60);
  expect(after.contrast).toBeGreaterThan(before.contrast * 1.5);
  expect(after.edges).toBeGreaterThan(Math.max(20, before.edges * 3));
  await expect(page.getByText(/^Blurs again in \d+ s/)).toBeVisible();
  await page.getByRole('button', { name: 'Blur now' }).click();
  await expect(blurred).toBeVisible();
});
