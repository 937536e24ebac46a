import { ItemPage } from '../src/api/schemas/item';
import { axeViolations, expect, test } from './fixtures';

test('an analyst’s triage session appears in order for the auditor, who verifies the chain and finds a tampered event', async ({
  signInElsewhere,
  page,
  signInAs,
  mock,
}) => {
  await signInAs('analyst');
  const list = ItemPage.parse(
    await (await page.request.get('/api/queues/q-clf-high/items?status=pending&limit=100')).json(),
  );
  const [item] = list.items.filter((row) => row.previewMode === 'blurred' && row.lease === null);
  expect(item, 'a free blurred pending item').toBeDefined();
  const itemId = item?.id ?? '';
  await page.goto(`/queues/q-clf-high?status=pending&item=${itemId}`);
  await expect(page.getByText(/^Held by you until/)).toBeVisible();
  await page.getByRole('button', { name: 'Reveal…' }).click();
  await page.getByRole('button', { name: 'Reveal for 10 s' }).click();
  await expect(page.getByRole('img', { name: /Revealed original/ })).toBeVisible();
  const ended = page.waitForResponse(/\/reveal\/[^/]+\/end$/);
  await page.getByRole('button', { name: 'Blur now' }).click();
  await ended;
  await expect(page.getByRole('img', { name: /Revealed original/ })).toHaveCount(0);
  await page.keyboard.press('c');
  await expect(page.getByText(/waiting to send/)).toHaveCount(0);

  const { context, page: alex } = await signInElsewhere('auditor');
  const media: string[] = [];
  alex.on('request', (request) => {
    if (/\/(preview|reveal|media)\b/.test(request.url()) || request.resourceType() === 'image')
      media.push(request.url());
  });
  await alex.goto('/');
  await alex
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await alex.getByLabel('Subject id').fill(itemId);
  await alex.getByRole('button', { name: 'Apply filters' }).click();
  await expect(alex).toHaveURL(new RegExp(`subjectId=${itemId}`));
  const table = alex.getByRole('table', { name: 'Audit events' });
  await expect(table.getByRole('row').filter({ hasText: 'item.decided' })).toHaveCount(1);
  const actionCells = await table
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1).map((row) => row.children[3]?.textContent ?? ''));
  // Opening the item claims it and records the view, in either order; then the reveal, the
  // original served to the browser, the reveal's end, and the decision.
  const session = actionCells.filter((a) => a !== 'item.released');
  expect(session.slice(0, 2).sort()).toEqual(['item.claimed', 'item.viewed']);
  expect(session.slice(2)).toEqual([
    'media.revealed',
    'media.served',
    'media.reblurred',
    'item.decided',
  ]);
  expect(await axeViolations(alex)).toEqual([]);

  // The row's subject opens the item, with its whole timeline.
  await table.getByRole('link', { name: itemId }).first().click();
  await expect(alex).toHaveURL(new RegExp(`/items/${itemId}$`));
  const timeline = alex.getByRole('region', { name: 'Timeline from the audit log' });
  await expect(timeline).toContainText('item.claimed');
  await expect(timeline).toContainText('media.revealed');
  await expect(timeline).toContainText('item.decided');
  await alex.goBack();

  // The filtered rows download as CSV, and the export is itself on the record.
  const downloading = alex.waitForEvent('download');
  await alex.getByRole('link', { name: 'CSV' }).click();
  const download = await downloading;
  const csv = await new Response(
    (await download.createReadStream()) as unknown as ReadableStream,
  ).text();
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^seq,at,actor_id/);
  // The filtered rows: the analyst's session (then, once recorded, the auditor's own view).
  const csvActions = lines.slice(1).map((line) => line.split(',')[5]);
  expect(csvActions.slice(0, actionCells.length)).toEqual(actionCells);
  expect(lines.slice(1).every((line) => line.split(',')[7] === itemId)).toBe(true);
  await alex.reload();
  await alex.getByLabel('Subject id').fill('audit_log');
  await alex.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByRole('row').last()).toContainText('audit.exported');

  // The whole chain holds; then one stored event is changed behind its back.
  await alex.getByRole('button', { name: 'Clear' }).click();
  await alex.getByRole('button', { name: /^Verify events 1–/ }).click();
  await expect(alex.getByText(/^Verified [\d,]+ events: the chain holds/)).toBeVisible({
    timeout: 20_000,
  });
  // A head recorded now is still extended by the log later, when more has happened.
  await alex.getByRole('button', { name: 'Record this head' }).click();
  await alex.reload();
  await alex
    .getByRole('button', { name: /^Check the log still extends the head recorded/ })
    .click();
  await expect(alex.getByText(/the chain holds and extends the recorded head/)).toBeVisible({
    timeout: 20_000,
  });

  await mock({ faults: ['tamper:audit'] });
  const { head } = (await (await alex.request.get('/api/audit?limit=1')).json()) as {
    head: { seq: number };
  };
  await alex.reload();
  await alex.getByRole('button', { name: /^Verify events 1–/ }).click();
  await expect(alex.getByRole('alert')).toContainText(
    `Event ${Math.ceil(head.seq / 2)} was changed`,
    { timeout: 20_000 },
  );
  expect(media).toEqual([]);
  await context.close();
});

test('analysts have no audit log', async ({ page, signInAs }) => {
  await signInAs('analyst');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }),
  ).toHaveCount(0);
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/$/);
});

test('with 100,000 events the log scrolls to its end with a bounded DOM, and verifies off the main thread', async ({
  page,
  signInAs,
  mock,
}) => {
  test.setTimeout(90_000);
  await mock({ auditEvents: 100_000 });
  await signInAs('auditor');
  const pages: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/audit?')) pages.push(request.url());
  });
  await page.goto('/audit');
  await expect(page.getByText(/^100,0\d\d events$/)).toBeVisible({ timeout: 20_000 });
  const table = page.getByRole('table', { name: 'Audit events' });
  const body = table.getByRole('rowgroup').nth(1);
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const total = Number(
    (
      await page
        .getByText(/ events$/)
        .first()
        .textContent()
    )?.replace(/\D/g, ''),
  );
  // The last row: the auditor's own sign-in, the newest event.
  await expect(table.locator(`[aria-rowindex="${total + 1}"]`)).toContainText('session.started', {
    timeout: 20_000,
  });
  expect(await table.getByRole('row').count()).toBeLessThan(80);
  expect(pages.length).toBeLessThanOrEqual(5); // the first pages and the last: not 500 between

  await page.getByRole('button', { name: /^Verify events 1–/ }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText(/^Verified [\d,]+ events: the chain holds/)).toBeVisible({
    timeout: 30_000,
  });
});
