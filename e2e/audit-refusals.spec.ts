import { expect, holdFirstPending, test } from './fixtures';

test.use({ allowedFailedStatuses: [409] });

test('a refused claim is on the record: the auditor reads who tried what and why it was refused, and the chain still holds', async ({
  page,
  signInAs,
  signInElsewhere,
}) => {
  test.setTimeout(120_000);
  await signInAs('second analyst');
  const itemId = await holdFirstPending(page, 'q-clf-high');

  // Ana opens the item Ben holds: the console tries to claim it and the server refuses.
  const { page: ana } = await signInElsewhere('analyst');
  const refused = ana.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/items/${itemId}/claim`) && response.status() === 409,
  );
  await ana.goto(`/queues/q-clf-high?status=pending&item=${itemId}`);
  await refused;
  await expect(ana.getByText(`${itemId} is held by Ben Okafor until`)).toBeVisible();

  const { page: alex } = await signInElsewhere('auditor');
  await alex.goto(`/audit?subjectId=${itemId}&action=item.claim_refused`);
  const table = alex.getByRole('table', { name: 'Audit events' });
  const row = table.getByRole('row').filter({
    hasText: new RegExp(
      `Ana Ortiz tried to claim ${itemId} and was refused \\(409, held\\): ${itemId} is held by Ben Okafor until`,
    ),
  });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Details of event \d+$/ }).click();
  const details = alex.getByRole('region', { name: /^Event \d+$/ });
  await expect(details.getByLabel(/^Canonical JSON of event \d+$/)).toContainText(
    '"action":"item.claim_refused"',
  );
  await expect(details.getByLabel(/^Canonical JSON of event \d+$/)).toContainText(
    '"refusal":"held"',
  );

  // The refusal is a link of the chain like any other event.
  await alex.goto('/audit');
  await alex.getByRole('button', { name: /^Verify events 1–/ }).click();
  await expect(alex.getByText(/^Verified [\d,]+ events: the chain holds/)).toBeVisible({
    timeout: 30_000,
  });
});
