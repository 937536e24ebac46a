import { ItemDetail } from '../src/api/schemas/decision';
import { ItemPage } from '../src/api/schemas/item';
import { sampledForSecondReview } from '../src/server/review/blind-review';
import { expect, holdFirstPending, test, type Page } from './fixtures';
import { e2eReviewSecret } from './review-secret';

const serverRecord = async (page: Page, itemId: string) =>
  ItemDetail.parse(await (await page.request.get(`/api/items/${itemId}`)).json());

/** Ana confirms the first pending text item; the server has her decision when this returns. */
async function anaConfirms(page: Page) {
  const itemId = await holdFirstPending(page, 'q-text');
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { level: 1, name: /^itm_/ })).not.toHaveText(itemId);
  await expect(page.getByText(/waiting to send/)).toHaveCount(0);
  return itemId;
}

/**
 * Opens and holds a pending text item whose dismissal is final: not one of the share of
 * dismissals the server sends to a second review (the e2e server's draw has a known key).
 */
async function holdDismissedForGood(page: Page) {
  const list = ItemPage.parse(
    await (await page.request.get('/api/queues/q-text/items?status=pending&limit=50')).json(),
  );
  const row = list.items.find(
    (i) => i.lease === null && !sampledForSecondReview(e2eReviewSecret, i),
  );
  if (!row) throw new Error('no pending text item whose dismissal is final');
  await page.goto(`/queues/q-text?status=pending&item=${row.id}`);
  await expect(page.getByText(/^Held by you until/)).toBeVisible();
  return row.id;
}

test.describe('four eyes', () => {
  test.use({ allowedFailedStatuses: [403] });

  test('a confirmation waits for a blind second review by someone else; agreement confirms it', async ({
    signInElsewhere,
    page,
    signInAs,
  }) => {
    await signInAs('analyst');
    const itemId = await anaConfirms(page);
    expect((await serverRecord(page, itemId)).item.status).toBe('awaiting_second_review');

    // Ana cannot second-review her own confirmation.
    await page.goto(`/queues/q-second-review?status=awaiting_second_review&item=${itemId}`);
    await expect(page.getByText(/the second review must be someone else’s/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^Confirm/ })).toBeDisabled();

    // Ben reviews it blind: neither the page nor the API shows him Ana's verdict.
    const { context, page: ben } = await signInElsewhere('second analyst');
    const blind = await serverRecord(ben, itemId);
    expect(blind.blindSecondReview).toBe(true);
    expect(blind.decisions).toEqual([]);
    await ben.goto('/');
    await ben.getByRole('link', { name: 'Second review' }).click();
    await ben.getByRole('option', { name: new RegExp(itemId) }).click();
    await expect(ben.getByRole('heading', { name: /^Second review \(blind\)/ })).toBeVisible();
    const history = ben.getByRole('region', { name: 'Decision history' });
    await expect(history).toContainText('Withheld for a blind second review');
    await expect(history).not.toContainText('Ana Ortiz');
    await expect(ben.getByText(/^Held by you until/)).toBeVisible();
    await ben.keyboard.press('c');
    await expect(ben.getByText(/waiting to send/)).toHaveCount(0);

    const record = await serverRecord(ben, itemId);
    expect(record.item.status).toBe('confirmed');
    expect(record.decisions.map((d) => [d.stage, d.actor.name, d.verdict.kind])).toEqual([
      ['first', 'Ana Ortiz', 'confirm'],
      ['second', 'Ben Okafor', 'confirm'],
    ]);
    await context.close();
  });

  test('a disagreement reaches the supervisors with both verdicts side by side, and the supervisor’s rationale decides', async ({
    signInElsewhere,
    page,
    signInAs,
  }) => {
    await signInAs('analyst');
    const itemId = await anaConfirms(page);

    const { context: bens, page: ben } = await signInElsewhere('second analyst');
    await ben.goto(`/queues/q-second-review?status=awaiting_second_review&item=${itemId}`);
    await expect(ben.getByText(/^Held by you until/)).toBeVisible();
    await ben.keyboard.press('d');
    await ben.keyboard.press('1');
    await expect(ben.getByText(/waiting to send/)).toHaveCount(0);
    expect((await serverRecord(ben, itemId)).item.status).toBe('escalated');

    const { context: sashas, page: sasha } = await signInElsewhere('supervisor');
    await sasha.goto('/');
    await sasha.getByRole('link', { name: 'Escalations' }).click();
    await sasha.getByRole('option', { name: new RegExp(itemId) }).click();
    const escalation = sasha.getByRole('region', { name: 'Escalation summary' });
    await expect(
      escalation.getByRole('heading', { name: 'Second-review disagreement' }),
    ).toBeVisible();
    await expect(escalation).toContainText('First review: Ana Ortiz');
    await expect(escalation).toContainText('Confirmed');
    await expect(escalation).toContainText('Second review: Ben Okafor');
    await expect(escalation).toContainText('Dismissed: Adult content');
    await expect(sasha.getByText(/^Held by you until/)).toBeVisible();
    await expect(sasha.getByLabel(/Escalation reason/)).toHaveCount(0);

    // No rationale, no decision.
    await sasha.keyboard.press('c');
    await expect(sasha.getByText(/needs a written rationale/)).toBeVisible();
    await expect(sasha.getByLabel('Rationale (required)')).toBeFocused();
    await sasha.keyboard.type('Proportions and setting indicate a minor: the first review stands.');
    await sasha.keyboard.press('Tab');
    await sasha.keyboard.press('c');
    await expect(sasha.getByText(/waiting to send/)).toHaveCount(0);

    const record = await serverRecord(sasha, itemId);
    expect(record.item.status).toBe('confirmed');
    expect(record.decisions.map((d) => [d.stage, d.actor.name])).toEqual([
      ['first', 'Ana Ortiz'],
      ['second', 'Ben Okafor'],
      ['supervisor', 'Sasha Reyes'],
    ]);
    expect(record.decisions[2]?.note).toMatch(/first review stands/);

    // Ben sees how what he sent up was resolved.
    await ben.goto('/');
    const mine = ben.getByRole('region', { name: 'Sent to the supervisors by you' });
    const row = mine.getByRole('row', { name: new RegExp(itemId) });
    await expect(row).toContainText('Your second review disagreed with the first');
    await expect(row).toContainText('Confirmed by Sasha Reyes: Proportions and setting');
    await bens.close();
    await sashas.close();
  });
});

test('an undo within the window leaves no decision, and the item waits again', async ({
  page,
  signInAs,
}) => {
  await signInAs('analyst');
  const itemId = await holdFirstPending(page, 'q-text');
  await page.keyboard.press('d');
  await page.keyboard.press('2');
  await expect(page.getByText(/waiting to send/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Undo \(u\)/ })).toBeVisible();
  await page.keyboard.press('u');
  await expect(page.getByText(/^Undone: /)).toContainText(itemId);

  const record = await serverRecord(page, itemId);
  expect(record.decisions).toEqual([]);
  expect(record.item.status).toBe('pending');
  await expect(page.getByRole('option', { name: new RegExp(itemId) })).toBeVisible();
});

test.describe('a supervisor', () => {
  test.use({ allowedFailedStatuses: [409] });

  test('corrects a decision with a rationale: the correction supersedes it and both stay in the history', async ({
    signInElsewhere,
    page,
    signInAs,
  }) => {
    await signInAs('analyst');
    const itemId = await holdDismissedForGood(page);
    await page.keyboard.press('d');
    await page.keyboard.press('1');
    await expect(page.getByText(/waiting to send/)).toHaveCount(0);
    const [dismissal] = (await serverRecord(page, itemId)).decisions;

    const { context, page: sasha } = await signInElsewhere('supervisor');
    await sasha.goto(`/items/${itemId}`);
    await sasha.getByRole('button', { name: `Correct ${dismissal?.id ?? ''}` }).click();
    const form = sasha.getByRole('form', { name: `Correct ${dismissal?.id ?? ''}` });
    await expect(form.getByRole('radio', { name: 'Confirm' })).toBeChecked();
    await form.getByLabel('Classification').selectOption('A1');
    await form.getByLabel('Rationale (required)').fill('On review the subject is a minor: A1.');
    await form.getByRole('button', { name: 'Record correction' }).click();

    const history = sasha.getByRole('region', { name: 'Decision history' });
    await expect(history).toContainText(`Superseded by`);
    await expect(history).toContainText('Confirmed (A1) — Correction by Sasha Reyes');
    await expect(history).toContainText('Rationale: On review the subject is a minor: A1.');
    await expect(history).toContainText('Dismissed: Adult content');
    const record = await serverRecord(sasha, itemId);
    expect(record.item.status).toBe('confirmed');
    expect(record.decisions.map((d) => [d.actor.name, d.supersedes])).toEqual([
      ['Ana Ortiz', null],
      ['Sasha Reyes', dismissal?.id],
    ]);
    await context.close();
  });

  test('releases and reassigns an item an analyst holds', async ({
    page,
    signInAs,
    signInElsewhere,
  }) => {
    await signInAs('analyst');
    const itemId = await holdFirstPending(page, 'q-text');

    const { context, page: sasha } = await signInElsewhere('supervisor');
    await sasha.goto(`/items/${itemId}`);
    const holder = sasha.getByRole('group', { name: 'Who holds this item' });
    await expect(holder).toContainText('Held by Ana Ortiz.');
    await holder.getByLabel('Reassign to').selectOption({ label: 'Ben Okafor (analyst)' });
    await holder.getByRole('button', { name: 'Reassign' }).click();
    await expect(holder).toContainText('Held by Ben Okafor.');
    expect((await serverRecord(sasha, itemId)).item.lease?.holderName).toBe('Ben Okafor');

    await holder.getByRole('button', { name: 'Release' }).click();
    await expect(holder).toHaveCount(0);
    expect((await serverRecord(sasha, itemId)).item.lease).toBeNull();
    await context.close();
  });
});
