import { sampledForSecondReview } from '../src/server/review/blind-review';
import { Insights } from '../src/api/schemas/insights';
import { RevealGrant } from '../src/api/schemas/decision';
import { ItemPage } from '../src/api/schemas/item';
import { axeViolations, expect, test } from './fixtures';
import { e2eReviewSecret } from './review-secret';

test('a supervisor sees a rule’s precision drop as analysts dismiss its items, and follows it to its items', async ({
  signInElsewhere,
  page,
  signInAs,
}) => {
  await signInAs('supervisor');
  const before = Insights.parse(await (await page.request.get('/api/insights')).json());
  const rule = before.rules.find(
    (r) => r.kind === 'classifier' && r.enoughVolume && r.pending >= 3 && r.precision !== null,
  );
  expect(rule, 'a ranked classifier rule with pending items').toBeDefined();
  const name = rule?.ruleName ?? '';

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Insights' })
    .click();
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  const precisionOf = (label: string) =>
    page
      .getByRole('table', { name: 'Rule precision, most false positives first' })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: label, exact: true }) })
      .getByRole('cell');
  await expect(precisionOf(name).nth(2)).toHaveText(String(rule?.falsePositives));
  const precisionBefore = await precisionOf(name).nth(5).textContent();
  expect(await axeViolations(page)).toEqual([]);

  // Ana dismisses three of the rule's pending items as false positives.
  const { context, page: ana } = await signInElsewhere('analyst');
  const pending = ItemPage.parse(
    await (
      await ana.request.get(`/api/items?ruleId=${rule?.ruleId ?? ''}&status=pending&limit=50`)
    ).json(),
  ).items.filter(
    (i) =>
      i.lease === null &&
      // Final dismissals only: not one the server draws for a second review.
      !sampledForSecondReview(e2eReviewSecret, i),
  );
  for (const item of pending.slice(0, 3)) {
    const response = await ana.request.post(`/api/items/${item.id}/decisions`, {
      headers: { 'X-Verity-CSRF': '1' },
      data: {
        verdict: { kind: 'dismiss', reason: 'adult_content' },
        note: null,
        itemVersion: item.version,
        idempotencyKey: `insights-e2e-${item.id}`,
        madeBy: 'usr_ana',
      },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }
  await context.close();

  await page.reload();
  const dismissed = Math.min(3, pending.length);
  await expect(precisionOf(name).nth(2)).toHaveText(
    String((rule?.falsePositives ?? 0) + dismissed),
  );
  const precisionAfter = await precisionOf(name).nth(5).textContent();
  expect(parseFloat(precisionAfter ?? '')).toBeLessThan(parseFloat(precisionBefore ?? ''));

  await page.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/items\\?ruleId=${rule?.ruleId ?? ''}`));
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('itm_');
});

test('rule precision is one row per rule, ranked by false positives, versions beneath, and says what it hides', async ({
  page,
  signInAs,
}) => {
  await signInAs('supervisor');
  await page.goto('/insights');
  const section = page.getByRole('region', { name: 'Rule precision' });
  await expect(section.getByRole('table', { name: /^Rule precision/ })).toBeVisible();
  const { rules, minVolume } = Insights.parse(
    await (await page.request.get('/api/insights')).json(),
  );
  const ranked = rules.filter((r) => r.enoughVolume);
  const hidden = rules.filter((r) => !r.enoughVolume);
  const hiddenVersions = hidden.reduce((n, r) => n + r.versions.length, 0);
  expect(ranked.length).toBeGreaterThan(0);
  expect(hidden.length).toBeGreaterThan(0);
  await expect(section).toContainText(`${ranked.length} of ${rules.length} rules ranked.`);
  await expect(section).toContainText(
    `Hidden for too little data: ${hidden.length} rules (${hiddenVersions} versions) with fewer than ${minVolume} decided flags.`,
  );

  // One row per ranked rule, in the server's order (the most false positives first).
  const table = section.getByRole('table', { name: 'Rule precision, most false positives first' });
  await expect(table.getByRole('link')).toHaveText(ranked.map((r) => r.ruleName));
  expect(ranked.map((r) => r.falsePositives)).toEqual(
    [...ranked.map((r) => r.falsePositives)].sort((a, b) => b - a),
  );

  // The versions open beneath their rule, from the keyboard.
  const [top] = ranked;
  const versions = table.getByRole('button', {
    name: `${top?.versions.length ?? 0} ${top?.versions.length === 1 ? 'version' : 'versions'} of ${top?.ruleName ?? ''}`,
  });
  const firstVersion = table.getByRole('rowheader', {
    name: `${top?.ruleName ?? ''}, version ${top?.versions[0]?.ruleVersion ?? ''}`,
  });
  await expect(versions).toHaveAttribute('aria-expanded', 'false');
  await expect(firstVersion).toBeHidden();
  await versions.focus();
  await page.keyboard.press('Enter');
  await expect(versions).toHaveAttribute('aria-expanded', 'true');
  await expect(firstVersion).toBeVisible();
  await page.keyboard.press('Space');
  await expect(firstVersion).toBeHidden();

  // The rules with too little data are there on request, not ranked.
  await expect(section.getByRole('table', { name: /not ranked/ })).toHaveCount(0);
  await section
    .getByRole('button', { name: `Show the ${hidden.length} rules with too little data` })
    .click();
  const rest = section.getByRole('table', {
    name: `Rules with fewer than ${minVolume} decided flags, not ranked`,
  });
  await expect(rest.getByRole('link')).toHaveCount(hidden.length);
  await expect(rest.getByText('too few decided to rank').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

for (const role of ['analyst', 'auditor'] as const) {
  test(`the ${role} who opens insights is told who can`, async ({ page, signInAs }) => {
    await signInAs(role);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }),
    ).toHaveCount(0);
    await page.goto('/insights');
    await expect(page).toHaveURL(/\/insights$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Your role cannot open this page' }),
    ).toContainText(
      `You are signed in as an ${role}, and ${role}s cannot open it. Supervisors can.`,
    );
    expect((await page.request.get('/api/insights')).status()).toBe(403);
  });
}

test('exposure draws one measure per chart, its axis labelled with the unit, each chart beside its table', async ({
  page,
  signInAs,
  signInElsewhere,
}) => {
  // Ana reveals one item and blurs it again, so the exposure has a reviewer with reveals.
  const { page: ana } = await signInElsewhere('analyst');
  const list = ItemPage.parse(
    await (await ana.request.get('/api/queues/q-clf-high/items?status=pending&limit=100')).json(),
  );
  const item = list.items.find((i) => i.previewMode === 'blurred');
  const headers = { 'X-Verity-CSRF': '1', 'X-Verity-User': 'usr_ana' };
  const grant = RevealGrant.parse(
    await (await ana.request.post(`/api/items/${item?.id ?? ''}/reveal`, { headers })).json(),
  );
  const ended = await ana.request.post(
    `/api/items/${item?.id ?? ''}/reveal/${grant.revealId}/end`,
    {
      headers,
      data: { reason: 'manual' },
    },
  );
  expect(ended.ok(), await ended.text()).toBe(true);

  await signInAs('supervisor');
  await page.goto('/insights');
  const exposure = page.getByRole('region', { name: 'Exposure' });
  const reveals = exposure.getByRole('figure', { name: 'Reveals per reviewer' });
  const time = exposure.getByRole('figure', { name: 'Revealed time per reviewer' });

  const revealsChart = reveals.getByRole('img', {
    name: 'Reveals per reviewer, a count: bars; the numbers are in the table beside it.',
    exact: true,
  });
  await expect(revealsChart).toBeVisible();
  await expect(reveals.locator('svg text', { hasText: 'Reveals (count)' })).toHaveCount(1);
  const revealsTable = reveals.getByRole('table', { name: 'Reveals per reviewer' });
  await expect(revealsTable.getByRole('row', { name: /^Ana Ortiz 1 / })).toBeVisible();

  await expect(
    time.getByRole('img', {
      name: 'Revealed time per reviewer, in minutes: bars; the numbers are in the table beside it.',
      exact: true,
    }),
  ).toBeVisible();
  await expect(time.locator('svg text', { hasText: 'Revealed (minutes)' })).toHaveCount(1);
  await expect(
    time.getByRole('table', { name: 'Revealed time per reviewer' }).getByRole('columnheader'),
  ).toHaveText(['Reviewer', 'Revealed (minutes)']);
  await expect(time.getByRole('table').getByRole('row', { name: /^Ana Ortiz / })).toBeVisible();

  // No chart mixes a count with minutes any more.
  await expect(exposure.getByRole('img', { name: /Reveals and revealed minutes/ })).toHaveCount(0);
  // Side by side on a wide screen: the table starts to the right of its chart.
  const chartBox = await revealsChart.boundingBox();
  const tableBox = await revealsTable.boundingBox();
  expect((tableBox?.x ?? 0) >= (chartBox?.x ?? 0) + (chartBox?.width ?? 0) - 1).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});
