import { ItemDetail } from '../src/api/schemas/decision';
import { ItemPage } from '../src/api/schemas/item';
import { defangUrl, wholeDefanged } from '../src/lib/defang';
import { axeViolations, expect, test, type Page } from './fixtures';

/** A decided item (so opening it claims nothing) whose first source URL is a plain https URL. */
async function itemWithPlainSourceUrl(page: Page) {
  const list = ItemPage.parse(
    await (await page.request.get('/api/items?status=dismissed&limit=60')).json(),
  );
  for (const row of list.items) {
    const { item } = ItemDetail.parse(
      await (await page.request.get(`/api/items/${row.id}`)).json(),
    );
    const [url] = item.provenance.origin.sourceUrls;
    if (url && /^https:\/\/[\w.-]+\/[\w./-]*$/.test(url)) return { itemId: item.id, url };
  }
  throw new Error('no dismissed item with a plain source URL');
}

test('copying a source URL is deliberate: a confirm step says it is untrusted, copies the defanged form unless the live one is asked for, and each copy reads as a sentence in the audit log', async ({
  page,
  context,
  signInAs,
  signInElsewhere,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await signInAs('analyst');
  const { itemId, url } = await itemWithPlainSourceUrl(page);
  const shown = defangUrl(url).text;
  await page.goto(`/items/${itemId}`);
  const provenance = page.getByRole('region', { name: 'Provenance' });
  await page.evaluate(() => navigator.clipboard.writeText('before'));

  await provenance
    .getByRole('button', { name: `Copy URL ${shown}…` })
    .first()
    .click();
  const confirm = provenance.getByRole('group', { name: 'Copy an untrusted URL' });
  await expect(confirm).toContainText('This URL comes from a third party and is untrusted');
  await expect(confirm).toContainText('The copy is recorded in the audit log.');
  expect(await axeViolations(page)).toEqual([]);
  expect(await clipboard()).toBe('before'); // nothing copied by opening the confirm step
  await expect(confirm.getByRole('button', { name: 'Copy live URL' })).toBeDisabled();
  await confirm.getByRole('button', { name: 'Copy defanged URL' }).click();
  await expect(confirm.getByRole('status')).toHaveText('Copied the defanged URL.');
  expect(await clipboard()).toBe(wholeDefanged(url));
  expect(await clipboard()).not.toContain('https://');

  // The live URL only by a further, explicit choice.
  await confirm
    .getByRole('checkbox', { name: 'I need the live URL, to open it in an isolated environment' })
    .check();
  await confirm.getByRole('button', { name: 'Copy live URL' }).click();
  await expect(confirm.getByRole('status')).toHaveText(
    'Copied the live URL: open it only in an isolated environment.',
  );
  expect(await clipboard()).toBe(url);
  await confirm.getByRole('button', { name: 'Close' }).click();
  await expect(confirm).toHaveCount(0);

  // Both copies are on the record, as sentences that never show the live URL.
  const { page: alex } = await signInElsewhere('auditor');
  await alex.goto(`/audit?subjectId=${itemId}&action=url.copied`);
  const table = alex.getByRole('table', { name: 'Audit events' });
  const defanged = wholeDefanged(url);
  await expect(
    table.getByRole('row').filter({
      hasText: `Ana Ortiz copied the source URL ${defanged} of ${itemId} in its defanged form.`,
    }),
  ).toHaveCount(1);
  await expect(
    table.getByRole('row').filter({
      hasText: `Ana Ortiz copied the source URL ${defanged} of ${itemId} as a live URL, after confirming it is untrusted.`,
    }),
  ).toHaveCount(1);
  await expect(table).not.toContainText(url);

  // An auditor copies the defanged form only: the live choice is not offered.
  await alex.goto(`/items/${itemId}`);
  const alexProvenance = alex.getByRole('region', { name: 'Provenance' });
  await alexProvenance
    .getByRole('button', { name: `Copy URL ${shown}…` })
    .first()
    .click();
  const alexConfirm = alexProvenance.getByRole('group', { name: 'Copy an untrusted URL' });
  await expect(alexConfirm.getByRole('button', { name: 'Copy defanged URL' })).toBeVisible();
  await expect(alexConfirm.getByRole('button', { name: 'Copy live URL' })).toHaveCount(0);
  await expect(alexConfirm.getByRole('checkbox')).toHaveCount(0);
});
