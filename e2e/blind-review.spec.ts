import { ItemPage } from '../src/api/schemas/item';
import { axeViolations, expect, test, type Page } from './fixtures';

/** A pending text item no one holds. */
async function freePendingText(page: Page) {
  const list = ItemPage.parse(
    await (await page.request.get('/api/queues/q-text/items?status=pending&limit=20')).json(),
  );
  const item = list.items.find((i) => i.lease === null);
  if (!item) throw new Error('no free pending text item');
  return item;
}

test('a supervisor who may make the blind second review is asked before the timeline shows her the first verdict, and reading it leaves the review to others', async ({
  page,
  signInAs,
  signInElsewhere,
}) => {
  // Ana confirms a text item: it now awaits a blind second review.
  await signInAs('analyst');
  const item = await freePendingText(page);
  const decided = await page.request.post(`/api/items/${item.id}/decisions`, {
    headers: { 'X-Verity-CSRF': '1' },
    data: {
      verdict: { kind: 'confirm', classification: 'B2', annotations: [] },
      note: null,
      itemVersion: item.version,
      idempotencyKey: `blind-e2e-${item.id}`,
      madeBy: 'usr_ana',
    },
  });
  expect(decided.ok(), await decided.text()).toBe(true);

  const { page: sasha } = await signInElsewhere('supervisor');
  const auditReads: string[] = [];
  sasha.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/audit')) auditReads.push(request.url());
  });
  await sasha.goto(`/items/${item.id}`);
  const history = sasha.getByRole('region', { name: 'Decision history' });
  await expect(history).toContainText('Withheld for a blind second review');
  const timeline = sasha.getByRole('region', { name: 'Timeline from the audit log' });
  await expect(timeline).toContainText(
    'once you read it, the second review must be someone else’s',
  );
  const read = timeline.getByRole('button', {
    name: 'Read the timeline and leave the second review to someone else',
  });
  await expect(read).toBeVisible();
  expect(await axeViolations(sasha)).toEqual([]);
  // Nothing of the log was fetched, and nothing on the page names the verdict.
  expect(auditReads).toEqual([]);
  await expect(sasha.getByText(/Confirmed|B2/)).toHaveCount(0);

  await read.click();
  await expect(
    timeline.getByText(
      new RegExp(`^Ana Ortiz confirmed ${item.id} \\(B2\\) at first review, version \\d+`),
    ),
  ).toBeVisible();
  // She knows the verdict now: the item no longer withholds it, and she may not review it.
  await expect(history).toContainText('Ana Ortiz');
  await expect(history).not.toContainText('Withheld for a blind second review');
  // In the second-review queue the item is no longer hers to review, and the console says why.
  await sasha.goto(`/queues/q-second-review?item=${item.id}`);
  await expect(
    sasha
      .getByText(
        'You have read this item’s first verdict: its blind second review must be someone else’s.',
      )
      .first(),
  ).toBeVisible();

  // The audit page tells supervisors the rule before they read.
  await sasha.goto('/audit');
  await expect(
    sasha.getByText(/Reading one while its item waits for a blind second review/),
  ).toBeVisible();
});
