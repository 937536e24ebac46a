import { Cluster } from '../src/api/schemas/cluster';
import { ItemDetail } from '../src/api/schemas/decision';
import { expect, holdFirstPending, selectedItem, test } from './fixtures';

function firstTwo<T>(list: readonly T[]): [T, T] {
  const [a, b] = list;
  if (a === undefined || b === undefined) throw new Error('fewer than two');
  return [a, b];
}

test('one decision applied to a cluster decides each item, and skips the one another analyst decided meanwhile', async ({
  signInElsewhere,
  page,
  signInAs,
  mock,
}) => {
  await mock({ items: 2000 });
  const found = await page.request.get('/__mock/pending-cluster?others=2');
  const { itemId: anchor } = (await found.json()) as { itemId: string };
  await signInAs('analyst');
  const cluster = Cluster.parse(
    await (await page.request.get(`/api/items/${anchor}/cluster`)).json(),
  );
  const free = cluster.members.filter((m) => m.item.status === 'pending' && !m.item.lease);
  const [taken, kept] = firstTwo(free);
  const sameStage = cluster.members.filter((m) => m.item.status === 'pending');
  const count = sameStage.length + 1;

  await page.goto(`/items/${anchor}`);
  const panel = page.getByRole('region', { name: /other items? in this cluster/ });
  await expect(panel.getByRole('heading')).toHaveText(
    `${cluster.members.length} other items in this cluster`,
  );
  await expect(panel.getByRole('row', { name: new RegExp(taken.item.id) })).toContainText(
    taken.provenance.supplier.name,
  );
  await panel
    .getByRole('button', { name: `Decide all ${count} items waiting for this review…` })
    .click();
  const form = page.getByRole('form', { name: 'Decide the cluster' });
  await form.getByRole('radio', { name: 'Dismiss' }).check();
  await form.getByLabel('Dismissal reason').selectOption({ label: 'Non-photographic' });
  await form.getByRole('button', { name: 'Review…' }).click();
  await expect(form).toContainText(`Apply “Dismissed: Non-photographic” to ${count} items`);

  // Meanwhile Ben, in his own browser, decides one of them.
  const { context, page: ben } = await signInElsewhere('second analyst');
  await ben.goto(`/queues/${taken.item.queueId}?status=pending&item=${taken.item.id}`);
  await expect(ben.getByText(/^Held by you until/)).toBeVisible();
  await ben.keyboard.press('e');
  await ben.keyboard.type('Same file seen elsewhere.');
  await ben.keyboard.press('Enter');
  await expect(ben.getByText(/waiting to send/)).toHaveCount(0);

  await form.getByRole('button', { name: `Apply to ${count} items` }).click();
  const result = page.getByRole('status').filter({ hasText: /^Decided/ });
  await expect(result).toContainText(`Decided ${count - 1} of ${count} items`);
  await expect(result).toContainText(
    `Skipped ${taken.item.id}: ${taken.item.id} changed since you opened it`,
  );
  await expect(result).toContainText('now escalated, last decided by Ben Okafor');

  const record = async (id: string) =>
    ItemDetail.parse(await (await page.request.get(`/api/items/${id}`)).json());
  expect(
    (await record(taken.item.id)).decisions.map((d) => [d.actor.name, d.verdict.kind]),
  ).toEqual([['Ben Okafor', 'escalate']]);
  for (const id of [anchor, kept.item.id])
    expect((await record(id)).decisions.map((d) => [d.actor.name, d.verdict.kind])).toEqual([
      ['Ana Ortiz', 'dismiss'],
    ]);
  await context.close();
});

test('the next item’s cluster is read ahead: moving on shows it without asking the server again', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const clusterReads = { beforeMove: new Set<string>(), afterMove: new Set<string>() };
  let moved = false;
  page.on('response', (response) => {
    const read = /^\/api\/items\/([^/]+)\/cluster$/.exec(new URL(response.url()).pathname)?.[1];
    if (read) clusterReads[moved ? 'afterMove' : 'beforeMove'].add(decodeURIComponent(read));
  });
  const first = await holdFirstPending(page, 'q-clf-high');
  // The neighbours on either side are read ahead, after the first item is painted.
  await expect.poll(() => clusterReads.beforeMove.size).toBeGreaterThan(1);

  moved = true;
  await page.keyboard.press('j');
  const next = page.getByRole('heading', { level: 1, name: /^itm_/ });
  await expect(next).not.toHaveText(first);
  const nextId = await selectedItem(page);
  await expect(
    page
      .getByRole('region', { name: /in this cluster/ })
      .getByRole('heading')
      .first(),
  ).toBeVisible();
  expect(clusterReads.beforeMove).toContain(nextId);
  expect(clusterReads.afterMove).not.toContain(nextId);
});
