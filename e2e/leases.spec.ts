import { ItemDetail } from '../src/api/schemas/decision';
import { expect, holdFirstPending, test } from './fixtures';

// The window that lost its lease learns it from its renewal's 409.
test.use({ allowedFailedStatuses: [409] });

test('my lease in another tab says so and can be taken over here; the tab that lost it says so too', async ({
  page,
  signInAs,
  mock,
}) => {
  // Short leases: a window renews its lease (and learns it moved) every few seconds.
  await mock({ leaseSeconds: 12 });
  await signInAs('analyst');
  const id = await holdFirstPending(page, 'q-text');

  const other = await page.context().newPage();
  await other.goto(`/queues/q-text?item=${id}`);
  await expect(other.getByText(/^Held by you \(another window\)/)).toBeVisible();
  await expect(other.getByRole('button', { name: 'Confirm (c)' })).toBeDisabled();
  await expect(other.getByRole('option', { name: new RegExp(id) })).toContainText(
    'You (another window)',
  );
  await expect(other.getByRole('heading', { level: 1, name: id })).toBeVisible();

  await other.getByRole('button', { name: 'Take over here' }).click();
  await expect(other.getByText(/^Held by you until/)).toBeVisible();
  await expect(other.getByRole('button', { name: 'Confirm (c)' })).toBeEnabled();

  // The first tab no longer holds it, and offers to take it back.
  await page.bringToFront();
  await expect(page.getByText(/^Held by you \(another window\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm (c)' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Take over here' })).toBeVisible();
  // Still Ana's: another analyst cannot claim it.
  const { item } = ItemDetail.parse(await (await page.request.get(`/api/items/${id}`)).json());
  expect(item.lease?.holderId).toBe('usr_ana');
});

test('my lease held in another browser reads as mine, in the item page too', async ({
  page,
  signInAs,
  signInElsewhere,
}) => {
  await signInAs('analyst');
  const id = await holdFirstPending(page, 'q-text');
  const { page: elsewhere } = await signInElsewhere('analyst');
  await elsewhere.goto(`/items/${id}`);
  await expect(elsewhere.getByRole('heading', { level: 1, name: id })).toBeVisible();
  await expect(elsewhere.getByText(/held by you \(another window\) until/)).toBeVisible();
  await expect(elsewhere.getByRole('main').getByText(/Ana Ortiz/)).toHaveCount(0);
  await elsewhere.goto(`/queues/q-text?item=${id}`);
  await expect(elsewhere.getByText(/^Held by you \(another window\)/)).toBeVisible();
  await expect(elsewhere.getByRole('button', { name: 'Take over here' })).toBeVisible();
});

test.describe('a lease that cannot be renewed', () => {
  test.use({ allowOffline: true });

  test('says when it ran out, and is held again once the connection is back', async ({
    page,
    signInAs,
    mock,
  }) => {
    await mock({ leaseSeconds: 5 });
    await signInAs('analyst');
    await holdFirstPending(page, 'q-text');

    await page.context().setOffline(true);
    await expect(page.getByText(/^Your hold on this item ran out at/)).toContainText(
      'no answer from the server',
    );
    // Still decidable: the decision waits in the outbox.
    await expect(page.getByRole('button', { name: 'Confirm (c)' })).toBeEnabled();
    await page.context().setOffline(false);
    await expect(page.getByText(/^Held by you until/)).toBeVisible();
  });
});

test('leaving an item and coming straight back keeps it held, however late the release would have arrived', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const id = await holdFirstPending(page, 'q-text');
  // The item's release is slow to reach the server: a claim sent after it must not be overtaken.
  const released: string[] = [];
  await page.route(`**/api/items/${id}/claim?*`, async (route) => {
    if (route.request().method() !== 'DELETE') return route.continue();
    released.push(id);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1, name: /^itm_/ })).not.toHaveText(id);
  await expect.poll(() => released).toEqual([id]);
  const releaseAnswered = page.waitForResponse(
    (response) =>
      response.request().method() === 'DELETE' && response.url().includes(`/api/items/${id}/claim`),
  );
  await page.keyboard.press('k');
  await expect(page.getByRole('heading', { level: 1, name: /^itm_/ })).toHaveText(id);
  await expect(page.getByText(/^Held by you until/)).toBeVisible();
  // Once the release has arrived, the server has the item held by Ana all the same.
  await releaseAnswered;
  await expect
    .poll(async () => {
      const { item } = ItemDetail.parse(await (await page.request.get(`/api/items/${id}`)).json());
      return item.lease?.holderId;
    })
    .toBe('usr_ana');
});
