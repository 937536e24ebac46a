import { ItemDetail } from '../src/api/schemas/decision';
import { ItemPage } from '../src/api/schemas/item';
import { QueueList } from '../src/api/schemas/queue';
import { expect, holdFirstPending, selectedItem, test, type Page } from './fixtures';

const pendingIn = async (page: Page, queueId: string) => {
  const { queues } = QueueList.parse(await (await page.request.get('/api/queues')).json());
  return queues.find((q) => q.id === queueId)?.waiting ?? NaN;
};

test('keyboard-only triage of five items: confirm, dismiss with a reason, escalate — and the queue counts follow', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const before = await pendingIn(page, 'q-text');
  await page.goto('/queues/q-text?status=pending');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('itm_');
  const held = page.getByText(/^Held by you until/);
  const decided: string[] = [];
  // A decision ends the hold on the server: no release goes beside it.
  const released: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname.match(/^\/api\/items\/([^/]+)\/claim$/);
    if (request.method() === 'DELETE' && path?.[1]) released.push(decodeURIComponent(path[1]));
  });

  const press =
    (...keys: string[]) =>
    async () => {
      for (const key of keys) await page.keyboard.press(key);
    };
  const escalate = async () => {
    await page.keyboard.press('e');
    await expect(page.getByLabel(/Escalation reason/)).toBeFocused();
    await page.keyboard.type('Unsure of age; needs a supervisor.');
    await page.keyboard.press('Enter');
  };

  await page.keyboard.press('j');
  for (const decide of [press('c'), press('d', '1'), escalate, press('c'), press('d', '4')]) {
    await expect(held).toBeVisible();
    decided.push(await selectedItem(page));
    await decide();
    // Decide and next: the next item opens at once.
    await expect(page.getByRole('heading', { level: 1, name: /^itm_/ })).not.toHaveText(
      decided.at(-1) ?? '',
    );
  }
  expect(new Set(decided).size).toBe(5);
  await expect(page.getByText(/waiting to send/)).toHaveCount(0);
  const leftOpen = await selectedItem(page);
  await expect(held).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Queues' })
    .click();
  const row = page.getByRole('row', { name: /Text rules/ });
  await expect(row.getByRole('cell').first()).toHaveText(String(before - 5));
  expect(await pendingIn(page, 'q-text')).toBe(before - 5);
  // The item left open undecided is released; none of the five decided was.
  await expect.poll(() => released).toEqual([leftOpen]);
});

test.describe('when another analyst holds the item', () => {
  test.use({ allowedFailedStatuses: [409], allowOffline: true });

  test('it shows who holds it and cannot be decided there; a lapsed holder’s late decision is a conflict and the other decision stands', async ({
    signInElsewhere,
    page,
    signInAs,
    mock,
  }) => {
    await mock({ leaseSeconds: 5 });
    await signInAs('analyst');
    const itemId = await holdFirstPending(page, 'q-clf-high');

    const { context: other, page: ben } = await signInElsewhere('second analyst');
    await ben.goto(`/queues/q-clf-high?status=pending&item=${itemId}`);
    await expect(ben.getByText(/is held by Ana Ortiz/).first()).toBeVisible();
    await expect(ben.getByRole('button', { name: /^Confirm/ })).toBeDisabled();

    // Ana loses the network: her renewals fail and her lease lapses; Ben takes the item and decides.
    await page.context().setOffline(true);
    await expect(async () => {
      await ben.reload();
      // A reload claims the item once it is on screen: seconds on a loaded machine.
      await expect(ben.getByText(/^Held by you until/)).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 40_000 });
    await ben.keyboard.press('d');
    await ben.keyboard.press('1');
    await expect(ben.getByText(/waiting to send/)).toHaveCount(0);

    // Ana, still offline, confirms: the decision waits, then meets the conflict once she is back.
    await page.keyboard.press('c');
    await expect(page.getByText('1 decision waiting to send')).toBeVisible();
    await page.context().setOffline(false);
    await expect(
      page.getByRole('alert').filter({ hasText: 'Not recorded: conflict' }),
    ).toContainText(itemId, {
      timeout: 15_000,
    });

    const detail = (await (await ben.request.get(`/api/items/${itemId}`)).json()) as {
      item: { status: string };
      decisions: { actor: { name: string } }[];
    };
    expect(detail.item.status).toBe('dismissed');
    expect(detail.decisions.map((d) => d.actor.name)).toEqual(['Ben Okafor']);
    await other.close();
  });
});

test('an auditor has no decision controls', async ({ page, signInAs }) => {
  await signInAs('auditor');
  await page.goto('/items?status=pending');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('itm_');
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1, name: /itm_/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decision', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Confirm|Dismiss|Escalate)/ })).toHaveCount(0);
});

test('“Start reviewing” opens the unclaimed pending item of highest priority, then earliest SLA', async ({
  page,
  signInAs,
}) => {
  await signInAs('second analyst');
  const list = ItemPage.parse(
    await (await page.request.get('/api/items?queueId=q-hash&status=pending&limit=200')).json(),
  );
  const free = list.items.filter((row) => row.lease === null);
  const expected = [...free].sort(
    (a, b) =>
      a.priority.localeCompare(b.priority) ||
      a.slaDueAt.localeCompare(b.slaDueAt) ||
      a.id.localeCompare(b.id),
  )[0];
  await page.goto('/queues/q-hash');
  await page.getByRole('button', { name: 'Start reviewing' }).click();
  await expect(page).toHaveURL(new RegExp(`item=${expected?.id}`));
  await expect(page.getByText(/^Held by you until/)).toBeVisible();
});

test('a confirmation carries the file annotations ticked by keyboard, and the item history shows them', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const itemId = await holdFirstPending(page, 'q-text');

  await page.keyboard.press('a');
  const annotations = page.getByRole('group', { name: /File annotations/ });
  await expect(annotations.getByRole('checkbox').first()).toBeFocused();
  await page.keyboard.press('Space');
  for (let step = 0; step < 9; step += 1) await page.keyboard.press('Tab');
  await expect(annotations.getByRole('checkbox', { name: 'Generative AI' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Annotations \(2\)/ })).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { level: 1, name: /^itm_/ })).not.toHaveText(itemId);
  await expect(page.getByText(/waiting to send/)).toHaveCount(0);

  await page.goto(`/items/${itemId}`);
  await expect(
    page
      .getByRole('region', { name: 'Decision history' })
      .getByText('Confirmed · Drawn, animated or virtual · Generative AI'),
  ).toBeVisible();
});

test.describe('while the server fails to record a decision', () => {
  test.use({ allowedFailedStatuses: [500] });

  test('the decision is shown applied and waiting, blocks a second decision, and lands once the server answers', async ({
    page,
    signInAs,
    mock,
  }) => {
    await signInAs('analyst');
    const itemId = await holdFirstPending(page, 'q-text');
    await mock({ faults: [`500:/api/items/${itemId}/decisions`] });

    await page.keyboard.press('c');
    const heading = page.getByRole('heading', { level: 1, name: /^itm_/ });
    await expect(heading).not.toHaveText(itemId);
    await expect(page.getByText('1 decision waiting to send')).toBeVisible();
    await expect(page.getByRole('option', { name: new RegExp(itemId) })).toContainText(
      'Confirmed…',
    );
    // Not recorded, it does not keep the item held: the release follows its failed attempt.
    const leaseOf = async () =>
      ItemDetail.parse(await (await page.request.get(`/api/items/${itemId}`)).json()).item.lease;
    await expect.poll(leaseOf).toBeNull();

    // Back on the item: the decision shows as made, and a second one cannot be started.
    await page.keyboard.press('k');
    await expect(heading).toHaveText(itemId);
    await expect(page.getByText('Your decision, not yet recorded: Confirmed')).toBeVisible();
    await expect(page.getByText('Your decision on this item is being sent.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Confirm/ })).toBeDisabled();

    await mock({ faults: [] });
    await expect(page.getByText(/waiting to send/)).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByText(/the second review must be someone else’s/).first()).toBeVisible();
    await expect(page.getByText('Your decision, not yet recorded')).toHaveCount(0);
    const detail = (await (await page.request.get(`/api/items/${itemId}`)).json()) as {
      decisions: { verdict: { kind: string } }[];
    };
    expect(detail.decisions.map((d) => d.verdict.kind)).toEqual(['confirm']);
  });
});

test('“?” lists every shortcut; with single-key shortcuts off, letters do nothing and the arrows still move', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const itemId = await holdFirstPending(page, 'q-text');
  await page.keyboard.press('?');
  const help = page.getByRole('region', { name: 'Keyboard shortcuts' });
  for (const [keys, action] of [
    ['c', 'Confirm'],
    ['a', 'File annotations for a confirmation…'],
    ['d then 1', 'Dismiss: Adult content'],
    ['e', 'Escalate…'],
  ])
    await expect(help.getByRole('row', { name: `${keys} ${action}` })).toBeVisible();

  await help.getByRole('checkbox', { name: 'Single-key shortcuts on' }).uncheck();
  await expect(page.getByRole('button', { name: 'Confirm', exact: true })).toBeVisible();
  await page.locator('body').focus();
  await page.keyboard.press('c');
  await page.keyboard.press('j');
  const heading = page.getByRole('heading', { level: 1, name: /^itm_/ });
  await expect(heading).toHaveText(itemId);
  await expect(page.getByText(/waiting to send/)).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(heading).not.toHaveText(itemId);

  // The choice is the analyst's own and outlives a new page load.
  await page.goto('/queues/q-text?status=pending');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('itm_');
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1, name: /^itm_/ })).toHaveCount(0);
});
