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
