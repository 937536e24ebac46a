import { ItemDetail } from '../src/api/schemas/decision';
import { z } from '../src/lib/zod';
import { expect, test } from './fixtures';

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
  await expect(signals).toContainText(/distance 38 \(match at ≤ 31\)/);
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
