import { Report } from '../src/api/schemas/report';
import { ItemPage, type ItemStatus } from '../src/api/schemas/item';
import { axeViolations, expect, test } from './fixtures';
import { csrf, drafts } from './report-setup';

const statusInRow: Record<ItemStatus, string> = {
  pending: 'Pending',
  awaiting_second_review: 'Second review',
  escalated: 'Escalated',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
};

test('a row shows its status; only an item waiting for its first decision shows its SLA', async ({
  page,
  signInAs,
}) => {
  await signInAs('supervisor');
  // Earliest SLA first: items decided days ago lead, long past the SLA they once had.
  await page.goto('/items?sort=sla');
  const list = page.getByRole('listbox', { name: 'All items items' });
  await expect(list.getByRole('option').first()).toContainText('itm_');
  const rows = ItemPage.parse(
    await (await page.request.get('/api/items?sort=sla&limit=12')).json(),
  ).items;
  expect(rows.some((row) => row.status !== 'pending')).toBe(true);
  expect(rows.some((row) => row.status === 'pending')).toBe(false);
  for (const row of rows) {
    const option = list.getByRole('option', { name: new RegExp(row.id) });
    await expect(option).toContainText(statusInRow[row.status]);
    await expect(option).not.toContainText(/overdue|due in/);
  }

  await page.goto('/items?status=pending&sort=sla');
  const pending = list.getByRole('option').first();
  await expect(pending).toContainText('Pending');
  await expect(pending).toContainText(/overdue|due in/);
});

test('a queue opened by its URL shows what waits in it; another status is a filter that says it is set', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  await page.goto('/queues/q-hash');
  const status = page.getByRole('combobox', { name: 'Status' });
  await expect(status).toHaveValue('pending');
  const waiting = ItemPage.parse(
    await (await page.request.get('/api/queues/q-hash/items?status=pending&limit=1')).json(),
  ).total;
  await expect(page.getByText(`${waiting} items`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show what waits here' })).toHaveCount(0);
  await expect(status).toHaveAccessibleDescription('');

  await status.selectOption({ label: 'Escalated' });
  await expect(page).toHaveURL(/status=escalated/);
  await expect(status).toHaveAccessibleDescription(/Filter set: escalated items, not what waits/);
  const escalated = page.getByRole('listbox').getByRole('option');
  await expect(escalated.first()).toContainText('Escalated');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Show what waits here' }).click();
  await expect(page).toHaveURL(/\/queues\/q-hash$/);
  await expect(status).toHaveValue('pending');
  await expect(page.getByText(`${waiting} items`, { exact: true })).toBeVisible();

  await status.selectOption({ label: 'Any status' });
  await expect(page).toHaveURL(/status=all/);
  await expect(status).toHaveAccessibleDescription(/Filter set: items of every status/);
  const every = ItemPage.parse(
    await (await page.request.get('/api/queues/q-hash/items?limit=1')).json(),
  ).total;
  await expect(page.getByText(`${every} items`, { exact: true })).toBeVisible();
});

test('the reports list words its counts for people', async ({ page, signInAs }) => {
  await signInAs('supervisor');
  const all = await drafts(page.request);
  // Two drafts of one supplier: moving one's file into the other makes a report of two.
  const [from, to] = all
    .filter(
      (r, _, list) =>
        list.filter((o) => o.incident.supplier.id === r.incident.supplier.id).length > 1,
    )
    .sort((a, b) => a.incident.supplier.id.localeCompare(b.incident.supplier.id));
  const one = all.find(
    (r) => r.fileCount === 1 && r.itemCount === 1 && r.id !== from?.id && r.id !== to?.id,
  );
  expect(one && from && to, 'a one-file draft and two drafts of one supplier').toBeTruthy();
  const source = Report.parse(await (await page.request.get(`/api/reports/${from?.id}`)).json());
  const moved = await page.request.post(`/api/reports/${from?.id}/moves`, {
    headers: csrf,
    data: { version: source.version, sha256: source.files[0]?.sha256, to: to?.id },
  });
  expect(moved.status()).toBe(200);
  const many = (await drafts(page.request)).find((r) => r.id === to?.id);
  expect(many?.fileCount).toBeGreaterThan(1);
  await page.goto('/reports');
  const table = page.getByRole('table', { name: /^Reports: .*least complete/ });
  await expect(table.getByRole('row', { name: new RegExp(one?.id ?? '-') })).toContainText(
    '1 file from 1 item',
  );
  await expect(table.getByRole('row', { name: new RegExp(many?.id ?? '-') })).toContainText(
    `${many?.fileCount} files from ${many?.itemCount} items`,
  );
  await expect(table.getByText(/\(\d+ items?\)/)).toHaveCount(0);
});
