import { ItemDetail } from '../src/api/schemas/decision';
import { ItemPage } from '../src/api/schemas/item';
import { axeViolations, expect, holdFirstPending, test, type Page } from './fixtures';

test('j/k and the arrows move the selection; the URL and the item panel follow', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  await page.getByRole('link', { name: 'Known-hash matches' }).click();
  // A triage queue opens on what waits in it.
  await expect(page).toHaveURL(/\/queues\/q-hash$/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('pending');
  const list = page.getByRole('listbox', { name: 'Known-hash matches items' });
  await expect(list.getByRole('option').first()).toContainText('itm_');
  const options = list.getByRole('option');
  const ids = await options.evaluateAll((els) =>
    els.slice(0, 3).map((el) => el.id.replace('item-option-', '')),
  );

  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`item=${ids[0]}`));
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(new RegExp(`item=${ids[2]}`));
  await expect(page.getByRole('heading', { level: 1, name: String(ids[2]) })).toBeVisible();
  await expect(list.getByRole('option', { selected: true })).toContainText(String(ids[2]));
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`item=${ids[1]}`));
});

/** Opens the known-hash queue with its list's requests held: "Loading items…" until the call. */
async function openQueueWithListHeld(page: Page) {
  let letListLoad: () => void = () => undefined;
  const listHeld = new Promise<void>((resolve) => (letListLoad = resolve));
  await page.route(/\/api\/items\?/, async (route) => {
    await listHeld;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Known-hash matches' }).click();
  await expect(page.getByText('Loading items…')).toBeVisible();
  return letListLoad;
}

test('j pressed while the list is still loading is kept: the selection moves once the rows come', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const letListLoad = await openQueueWithListHeld(page);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  letListLoad();
  const list = page.getByRole('listbox', { name: 'Known-hash matches items' });
  const second = list.getByRole('option').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const secondId = (await second.getAttribute('id'))?.replace('item-option-', '');
  await expect(page).toHaveURL(new RegExp(`item=${secondId}`));
  await expect(page.getByRole('heading', { level: 1, name: String(secondId) })).toBeVisible();
});

test('a key pressed while one view loads is dropped when the analyst changes the view', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const letListLoad = await openQueueWithListHeld(page);
  await page.keyboard.press('j');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any status' });
  await expect(page).toHaveURL(/status=all/);
  letListLoad();
  const list = page.getByRole('listbox', { name: 'Known-hash matches items' });
  await expect(list.getByRole('option').first()).toContainText('itm_');
  // Settled: the rows were in place for a frame and more, and nothing was selected.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await expect(list.getByRole('option', { selected: true })).toHaveCount(0);
  expect(page.url()).not.toMatch(/item=/);
});

test('skimming with j/k does not flash the open item: a key’s first render changes only the list’s selection', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const held = await holdFirstPending(page, 'q-clf-high');
  // Watches the page from the key's first listener to its last, which runs after the render the
  // key's handlers asked for: that render is committed in the microtask after their listener.
  await page.evaluate(`window.__firstRender = new Promise((resolve) => {
    const records = [];
    const observer = new MutationObserver((found) => records.push(...found));
    window.addEventListener('keydown', () => observer.observe(document.body, {
      subtree: true, childList: true, attributes: true, characterData: true,
    }), { once: true, capture: true });
    window.addEventListener('keydown', () => {
      const changed = [...records, ...observer.takeRecords()].map((record) =>
        record.target instanceof Element ? record.target : record.target.parentElement);
      observer.disconnect();
      resolve({
        inList: changed.filter((node) => node?.closest('[role=listbox]')).length,
        elsewhere: changed.filter((node) => !node?.closest('[role=listbox]'))
          .map((node) => node?.outerHTML.slice(0, 100) ?? 'a node no longer in the page'),
      });
    }, { once: true });
  }); undefined`);
  await page.keyboard.press('j');
  const firstRender = await page.evaluate<{ inList: number; elsewhere: string[] }>(
    'window.__firstRender',
  );
  expect(firstRender.elsewhere).toEqual([]);
  expect(firstRender.inList).toBeGreaterThan(0);
  // The item follows a moment later.
  await expect(page.getByRole('heading', { level: 1, name: /^itm_/ })).not.toHaveText(held);
});

test('filters and sort live in the URL: a view survives a reload and can be shared', async ({
  page,
  signInAs,
}) => {
  await signInAs('supervisor');
  await page.goto('/queues/q-clf-low');
  await page.getByRole('combobox', { name: 'Priority' }).selectOption('p3');
  await expect(page).toHaveURL(/priority=p3/);
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toBeVisible();
  for (const text of await options.allTextContents()) expect(text.startsWith('P3')).toBe(true);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Priority' })).toHaveValue('p3');
  const api = ItemPage.parse(
    await (
      await page.request.get('/api/items?queueId=q-clf-low&status=pending&priority=p3&limit=200')
    ).json(),
  );
  await expect(page.getByText(`${api.total} items`)).toBeVisible();
});

test('searching all items by a SHA-256 finds its item', async ({ page, signInAs }) => {
  await signInAs('auditor');
  const [target] = ItemPage.parse(
    await (await page.request.get('/api/items?limit=1&offset=40')).json(),
  ).items;
  expect(target).toBeDefined();
  const { item } = ItemDetail.parse(
    await (await page.request.get(`/api/items/${target?.id}`)).json(),
  );
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'All items' })
    .click();
  await page.getByLabel('Item id or hash').fill(item.media.sha256);
  await page.getByRole('button', { name: 'Search' }).click();
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.filter({ hasText: item.id })).toHaveCount(1);
  await options.filter({ hasText: item.id }).click();
  await expect(page.getByRole('heading', { level: 1, name: item.id })).toBeVisible();
});

test('auditors get no triage entry points: no queue links, and a workspace that says who may open it', async ({
  page,
  signInAs,
}) => {
  await signInAs('auditor');
  await expect(page.getByRole('table', { name: /queues/i }).getByRole('link')).toHaveCount(0);
  await page.goto('/queues/q-hash');
  await expect(page).toHaveURL(/\/queues\/q-hash$/);
  const refusal = page.getByRole('region', { name: 'Your role cannot open this page' });
  await expect(refusal).toContainText(
    'You are signed in as an auditor, and auditors cannot open it. Analysts and supervisors can.',
  );
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await refusal.getByRole('link', { name: 'Read every item in All items' }).click();
  await expect(page).toHaveURL(/\/items$/);
});

test('with 100,000 items the list scrolls end to end with a bounded DOM and only the pages in view fetched', async ({
  page,
  signInAs,
  mock,
}) => {
  // The server seeds 100,000 items into its database first: a minute or two on two busy cores.
  test.setTimeout(180_000);
  await mock({ items: 100_000 });
  await signInAs('analyst');
  const pageRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/items?')) pageRequests.push(request.url());
  });
  await page.goto('/items');
  const list = page.getByRole('listbox', { name: 'All items items' });
  await expect(page.getByText('100,000 items')).toBeVisible({ timeout: 20_000 });
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = list.locator('[aria-posinset="100000"]');
  await expect(last).toContainText('itm_', { timeout: 20_000 });
  expect(await list.getByRole('option').count()).toBeLessThan(60);
  // The first page and the last one: not the thousand pages in between.
  expect(pageRequests.length).toBeLessThanOrEqual(4);
  expect(pageRequests.some((url) => url.includes('offset=99900'))).toBe(true);
});

test('the workspace has no axe violations', async ({ page, signInAs }) => {
  await signInAs('analyst');
  await page.goto('/queues/q-text');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('itm_');
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { level: 1, name: /itm_/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('filtering by supplier and by rule narrows the list to what the API selects', async ({
  page,
  signInAs,
}) => {
  await signInAs('supervisor');
  await page.goto('/items');
  await page.getByRole('combobox', { name: 'Supplier' }).selectOption({ label: 'Acme Data' });
  await expect(page).toHaveURL(/supplierId=sup-acme/);
  await page
    .getByRole('combobox', { name: 'Rule' })
    .selectOption({ label: 'csam-v7 image classifier' });
  await expect(page).toHaveURL(/ruleId=clf-csam-v7/);
  const api = ItemPage.parse(
    await (
      await page.request.get('/api/items?supplierId=sup-acme&ruleId=clf-csam-v7&limit=1')
    ).json(),
  );
  expect(api.total).toBeGreaterThan(0);
  await expect(page.getByText(`${api.total} items`, { exact: true })).toBeVisible();
});
