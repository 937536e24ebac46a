import { sampledForSecondReview } from '../src/mocks/backend/blind-review';
import { Insights } from '../src/api/schemas/insights';
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
    (r) => r.kind === 'classifier' && r.pending >= 3 && r.precision !== null,
  );
  expect(rule, 'a classifier rule with pending items').toBeDefined();
  const name = `${rule?.ruleName ?? ''} ${rule?.ruleVersion ?? ''}`;

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Insights' })
    .click();
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  const precisionOf = (label: string) =>
    page
      .getByRole('table', { name: 'Rule precision, least precise first' })
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
      i.topSignal.ruleVersion === rule?.ruleVersion &&
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
