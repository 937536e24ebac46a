import { ItemPage } from '../src/api/schemas/item';
import { axeViolations, expect, test } from './fixtures';

/** The action a row's sentence stands for, by its verb. */
function actionOf(sentence: string): string {
  const verbs: [RegExp, string][] = [
    [/ claimed | renewed the claim /, 'item.claimed'],
    [/ viewed /, 'item.viewed'],
    [/ revealed the original /, 'media.revealed'],
    [/ reached .*’s browser| reached .*'s browser/, 'media.served'],
    [/ blurred again /, 'media.reblurred'],
    [/ confirmed | dismissed | escalated /, 'item.decided'],
    [/ released /, 'item.released'],
  ];
  return verbs.find(([verb]) => verb.test(sentence))?.[1] ?? sentence;
}

test('an analyst’s triage session appears in order for the auditor, a sentence per event, and the chain verifies', async ({
  signInElsewhere,
  page,
  signInAs,
}) => {
  // Two people, an export and two verifications: time for a shared, loaded machine.
  test.setTimeout(150_000);
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
  // Each event reads as a sentence: who did what to which item, at which review, on which version.
  const decidedRow = table.getByRole('row').filter({
    hasText: new RegExp(
      `^\\d+.*Ana Ortiz confirmed ${itemId}( \\([AB][12]\\))? at first review, version \\d+`,
    ),
  });
  await expect(decidedRow).toHaveCount(1);
  const sentences = await table
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1).map((row) => row.children[2]?.textContent ?? ''));
  const actionCells = sentences.map(actionOf);
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
  expect(sentences.join('\n')).not.toContain('{"');
  expect(await axeViolations(alex)).toEqual([]);

  // The full canonical JSON is one click away.
  await decidedRow.getByRole('button', { name: /^Details of event \d+$/ }).click();
  const details = alex.getByRole('region', { name: /^Event \d+$/ });
  await expect(details).toContainText(`Ana Ortiz confirmed ${itemId}`);
  await expect(details.getByLabel(/^Canonical JSON of event \d+$/)).toContainText(
    '"action":"item.decided"',
  );
  await expect(alex).toHaveURL(/event=\d+/);

  // The row's subject opens the item, with its whole timeline, a sentence per event.
  await table.getByRole('link', { name: itemId }).first().click();
  await expect(alex).toHaveURL(new RegExp(`/items/${itemId}$`));
  const timeline = alex.getByRole('region', { name: 'Timeline from the audit log' });
  await expect(timeline).toContainText(`Ana Ortiz claimed ${itemId} until`);
  await expect(timeline).toContainText(`Ana Ortiz revealed the original of ${itemId}`);
  await expect(timeline).toContainText(`Ana Ortiz confirmed ${itemId}`);
  await timeline.getByText(/^JSON/).last().click();
  await expect(timeline.getByLabel(/^Canonical JSON of event \d+$/).last()).toContainText(
    '"action":"item.decided"',
  );
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
  await expect(table.getByRole('row').last()).toContainText(/Alex Kim exported \d+ events as CSV/);

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

  expect(media).toEqual([]);
  await context.close();
});

test('a broken chain names its first broken event, shows what differs there, and links to it; the rest stays readable', async ({
  page,
  signInAs,
  mock,
}) => {
  await signInAs('auditor');
  await page.goto('/audit');
  const table = page.getByRole('table', { name: 'Audit events' });
  await mock({ faults: ['tamper:audit'] });
  const { head } = (await (await page.request.get('/api/audit?limit=1')).json()) as {
    head: { seq: number };
  };
  await page.reload();
  await page.getByRole('button', { name: /^Verify events 1–/ }).click();
  const broken = Math.ceil(head.seq / 2);
  await expect(page.getByRole('alert')).toContainText(
    `Verification failed at event ${broken}: Event ${broken} was changed`,
    { timeout: 20_000 },
  );
  // The rest of the result stays readable: what held, what differs, and where to look.
  await expect(page.getByText(`Events 1–${broken - 1} hold.`)).toBeVisible();
  const { events } = (await (
    await page.request.get(`/api/audit?offset=${broken - 1}&limit=1`)
  ).json()) as { events: { hash: string; prevHash: string }[] };
  const stored = events[0];
  expect(stored).toBeDefined();
  const differs = page.getByRole('definition');
  await expect(differs.filter({ hasText: stored?.hash ?? '' })).toHaveCount(1);
  await expect(differs.filter({ hasText: stored?.prevHash ?? '' })).toHaveCount(1);
  await expect(page.getByText(`Its link to event ${broken - 1} (holds)`)).toBeVisible();
  await page.getByRole('link', { name: `Show event ${broken} in the log` }).click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?event=${broken}$`));
  await expect(table.locator('[aria-current="true"]')).toContainText(String(broken));
  await expect(
    page
      .getByRole('region', { name: `Event ${broken}` })
      .getByLabel(`Canonical JSON of event ${broken}`),
  ).toContainText('"tampered":true');
});

test('an analyst who opens the audit log is told what it is, that analysts cannot open it, and who can', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }),
  ).toHaveCount(0);
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const refusal = page.getByRole('region', { name: 'Your role cannot open this page' });
  await expect(refusal).toContainText('tamper-evident record of every decision');
  await expect(refusal).toContainText(
    'You are signed in as an analyst, and analysts cannot open it. Auditors and supervisors can.',
  );
  await expect(page.getByRole('table', { name: 'Audit events' })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await refusal.getByRole('link', { name: 'Back to the queues' }).click();
  await expect(page.getByRole('table', { name: /queues/i })).toBeVisible();
});

test('with 100,000 events the log scrolls to its end with a bounded DOM, and verifies off the main thread', async ({
  page,
  signInAs,
  mock,
}) => {
  // Seeding, scrolling and hashing 100,000 events: a loaded machine takes minutes.
  test.setTimeout(150_000);
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
  await expect(table.locator(`[aria-rowindex="${total + 1}"]`)).toContainText(
    'Alex Kim signed in.',
    {
      timeout: 20_000,
    },
  );
  expect(await table.getByRole('row').count()).toBeLessThan(80);
  expect(pages.length).toBeLessThanOrEqual(5); // the first pages and the last: not 500 between

  await page.getByRole('button', { name: /^Verify events 1–/ }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText(/^Verified [\d,]+ events: the chain holds/)).toBeVisible({
    timeout: 60_000,
  });
});
