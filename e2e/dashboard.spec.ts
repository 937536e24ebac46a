import { ItemPage } from '../src/api/schemas/item';
import { QueueList } from '../src/api/schemas/queue';
import { expect, test } from './fixtures';

test('the dashboard shows the mock’s numbers for every queue', async ({ page, signInAs }) => {
  await signInAs('analyst');
  const table = page.getByRole('table', { name: /queues/i });
  await expect(table).toBeVisible();
  // The same API the console reads, asked with this browser's session.
  const { queues } = QueueList.parse(await (await page.request.get('/api/queues')).json());
  expect(queues.length).toBeGreaterThanOrEqual(5);
  expect(queues.some((q) => q.waiting > 0)).toBe(true);
  for (const queue of queues) {
    const row = table.getByRole('row', { name: new RegExp(queue.name) });
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(new Intl.NumberFormat('en').format(queue.waiting));
    await expect(cells.nth(2)).toHaveText(String(queue.heldByMe));
  }
});

test('two analysts in two browsers share one server: the same pending counts, each their own held items', async ({
  signInElsewhere,
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const { context: other, page: otherPage } = await signInElsewhere('second analyst');
  await expect(otherPage.getByRole('banner')).toContainText('Ben Okafor (analyst)');

  for (const [viewer, userId] of [
    [page, 'usr_ana'],
    [otherPage, 'usr_ben'],
  ] as const) {
    const { queues } = QueueList.parse(await (await viewer.request.get('/api/queues')).json());
    const table = viewer.getByRole('table', { name: /queues/i });
    for (const queue of queues) {
      // What this user holds, counted from the items themselves.
      const list = ItemPage.parse(
        await (await viewer.request.get(`/api/queues/${queue.id}/items?limit=200`)).json(),
      );
      const held = list.items.filter((i) => i.lease?.holderId === userId).length;
      const cells = table.getByRole('row', { name: new RegExp(queue.name) }).getByRole('cell');
      await expect(cells.nth(0)).toHaveText(String(queue.waiting));
      await expect(cells.nth(2)).toHaveText(String(held));
    }
  }
  await other.close();
});

test.describe('when the queue list fails', () => {
  test.use({ allowedFailedStatuses: [500] });

  test('an error names what failed, and Retry recovers', async ({ page, signInAs, mock }) => {
    await signInAs('supervisor');
    await mock({ faults: ['500:/api/queues'] });
    await page.reload();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load the queues', { timeout: 15_000 });
    await expect(alert).toContainText('Injected fault: 500.');
    await mock({ faults: [] });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('table', { name: /queues/i })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('a malformed response is reported with the field that broke the contract', async ({
  page,
  signInAs,
  mock,
}) => {
  await signInAs('analyst');
  await mock({ faults: ['malformed:/api/queues'] });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('queues[0].id');
});
