import { createHash } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { ItemDetail } from '../src/api/schemas/decision';
import { Report } from '../src/api/schemas/report';
import { axeViolations, expect, test } from './fixtures';
import { approveThroughApi, csrf, openApprovedReport } from './report-setup';

const read = async (request: APIRequestContext, id: string) =>
  Report.parse(await (await request.get(`/api/reports/${id}`)).json());

/** Started by its reporter through the API; the report once NCMEC has finished it. */
async function fileThroughApi(supervisor: APIRequestContext, id: string) {
  const started = await supervisor.post(`/api/reports/${id}/filing`, {
    headers: csrf,
    data: { version: (await read(supervisor, id)).version, action: 'start' },
  });
  expect(started.ok(), await started.text()).toBe(true);
  await expect.poll(async () => (await read(supervisor, id)).status).toBe('filed');
  return read(supervisor, id);
}

/** A supervisor's correction dismissing an item she never decided on. */
async function dismissByCorrection(supervisor: APIRequestContext, itemId: string) {
  const { item, decisions } = ItemDetail.parse(
    await (await supervisor.get(`/api/items/${itemId}`)).json(),
  );
  const corrected = await supervisor.post(`/api/items/${itemId}/corrections`, {
    headers: csrf,
    data: {
      supersedes: decisions.at(-1)?.id,
      verdict: { kind: 'dismiss', reason: 'non_sexual' },
      rationale: 'Seen again at full size: not sexual content.',
      itemVersion: item.version,
      idempotencyKey: `e2e-dismiss-${itemId}`,
    },
  });
  expect(corrected.ok(), await corrected.text()).toBe(true);
}

test('a filing stopped, then an item dismissed: resuming retracts the report, which says why and can be reopened', async ({
  signInElsewhere,
  page,
  signInAs,
  mock,
}) => {
  // Three people in three browsers on a loaded machine, and an accessibility scan.
  test.setTimeout(120_000);
  await mock({ faults: ['ncmec:finish:1000'] });
  await signInAs('supervisor');
  const id = await openApprovedReport(signInElsewhere, page);
  await page.getByRole('button', { name: 'File with NCMEC' }).click();
  const filing = page.getByRole('region', { name: 'Filing with NCMEC' });
  await expect(filing.getByRole('alert')).toContainText('server error (1000)');
  await mock({ faults: [] });

  // Meanwhile another supervisor dismisses one of its items.
  const [itemId = ''] = (await read(page.request, id)).files[0]?.itemIds ?? [];
  const { context, page: mira } = await signInElsewhere('second supervisor');
  await dismissByCorrection(mira.request, itemId);
  await context.close();

  await page.getByRole('button', { name: 'Resume filing' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Retracted');
  await expect(filing).toContainText('Retracted: NCMEC will not act on it.');
  const why = filing.getByText('Why it is retracted:').locator('..');
  await expect(why).toContainText(`${itemId} (dismissed by Mira Stone`);
  await expect(why).toContainText('so the report was not finished');
  await expect(filing).toContainText('Stopped by the server’s check before NCMEC’s finish');
  // The finish that failed was never sent again: the retraction went instead.
  const steps = filing.getByRole('listitem');
  await expect(steps.filter({ hasText: 'Finish the report' })).toContainText('Failed (code 1000)');
  await expect(steps.filter({ hasText: 'Retract the report' })).toContainText('Done (code 0)');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Reopen as a draft' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Draft');
  await expect(page.getByRole('link', { name: itemId })).toHaveCount(0);
});

test('supervisors and auditors download the documents sent to NCMEC and its answers, each matching its SHA-256; analysts do not see them', async ({
  signInElsewhere,
  page,
  signInAs,
}) => {
  // Four people in four browsers on a loaded machine, and an accessibility scan.
  test.setTimeout(150_000);
  await signInAs('supervisor');
  const id = await openApprovedReport(signInElsewhere, page);
  await page.getByRole('button', { name: 'File with NCMEC' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Filed');
  const ncmecId = (await read(page.request, id)).filed?.ncmecReportId ?? '';
  const kept = page.getByRole('region', { name: 'Documents exchanged with NCMEC' });
  await expect(
    kept.getByRole('link', { name: `NCMEC’s answer to finish (NCMEC ${ncmecId})` }),
  ).toBeVisible();

  const sent = kept.getByRole('link', { name: `The <report> sent (NCMEC ${ncmecId})` });
  const downloading = page.waitForEvent('download');
  await sent.click();
  const download = await downloading;
  const bytes = Buffer.from(
    await new Response(
      (await download.createReadStream()) as unknown as ReadableStream,
    ).arrayBuffer(),
  );
  expect(bytes.toString('utf8')).toMatch(/^<\?xml[^>]*>\s*<report>/);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const row = kept.getByRole('listitem').filter({ hasText: 'The <report> sent' });
  await expect(row.locator('abbr')).toHaveAttribute('title', sha256);
  expect(await axeViolations(page)).toEqual([]);

  const { page: alex } = await signInElsewhere('auditor');
  await alex.goto(`/reports/${id}`);
  await expect(
    alex
      .getByRole('region', { name: 'Documents exchanged with NCMEC' })
      .getByRole('link', { name: `The <report> sent (NCMEC ${ncmecId})` }),
  ).toBeVisible();
  const { page: ana } = await signInElsewhere('analyst');
  await ana.goto(`/reports/${id}`);
  await expect(ana.getByRole('heading', { level: 1 })).toContainText('Filed');
  await expect(ana.getByRole('region', { name: 'Documents exchanged with NCMEC' })).toHaveCount(0);
});

test('the report list shows each filed report’s preservation deadline, those ending within 30 days first', async ({
  signInElsewhere,
  page,
  signInAs,
  request,
}) => {
  // Two reports approved by two people and filed, on a loaded machine.
  test.setTimeout(120_000);
  await signInAs('supervisor');
  const { context, page: ana } = await signInElsewhere('analyst');
  const older = await fileThroughApi(
    page.request,
    await approveThroughApi(ana.request, page.request),
  );
  const recent = await fileThroughApi(
    page.request,
    await approveThroughApi(ana.request, page.request),
  );
  await context.close();
  // The first as if filed 340 days ago: its preservation ends in 24 or 25 whole days.
  const aged = await request.post('/__mock/report-age', {
    data: { reportId: older.id, days: 340 },
  });
  expect(aged.ok(), await aged.text()).toBe(true);
  const deadline = (await read(page.request, older.id)).filed?.preservationDeadline ?? '';

  await page.goto('/reports');
  const rows = page
    .getByRole('table', { name: /preservation ending within 30 days first/ })
    .getByRole('row');
  await expect(rows.nth(1)).toContainText(older.id);
  await expect(rows.nth(1)).toContainText(
    new RegExp(`Preserve until ${deadline.slice(0, 10)} \\((24|25) days left\\)`),
  );
  await expect(rows.nth(2)).not.toContainText('Filed');
  await expect(rows.last()).toContainText(recent.id);
  await expect(rows.last()).toContainText(
    `Preserve until ${recent.filed?.preservationDeadline.slice(0, 10) ?? ''}`,
  );
  await expect(rows.last()).not.toContainText('days left');
  expect(await axeViolations(page)).toEqual([]);
});
