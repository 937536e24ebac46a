// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { Provenance } from '../../api/schemas/item';
import { auditHead } from '../../server/audit/audit-chain';
import { appendedSince } from '../../server/testing/audit-events';
import { configureBackend, signInForTest, testBackend } from '../../test/test-backend';
import { renderApp } from '../../test/render-app';
import { defangUrl, wholeDefanged } from '../../lib/defang';

async function decidedItemWithSourceUrl() {
  const { db } = (await testBackend()).database;
  const rows = await db
    .selectFrom('items')
    .innerJoin('provenance', 'provenance.item_id', 'items.id')
    .select(['items.id', 'provenance.origin'])
    .where('items.status', '=', 'dismissed')
    .orderBy('items.id')
    .execute();
  for (const { id, origin } of rows) {
    const parsed = Provenance.shape.origin.parse(origin);
    const [url] = parsed.sourceUrls;
    if (url !== undefined) return { item: { id }, url };
  }
  throw new Error('no decided item with a source URL');
}

async function openConfirm(itemId: string, url: string) {
  const { user } = renderApp(`/items/${itemId}`);
  const provenance = await screen.findByRole('region', { name: 'Provenance' });
  const [button] = within(provenance).getAllByRole('button', {
    name: `Copy URL ${defangUrl(url).text}…`,
  });
  if (!button) throw new Error('no copy button');
  await user.click(button);
  return {
    user,
    confirm: within(provenance).getByRole('group', { name: 'Copy an untrusted URL' }),
  };
}

test('the defanged form is what a copy puts on the clipboard, once the copy is on the record', async () => {
  await signInForTest('usr_ana');
  const { item, url } = await decidedItemWithSourceUrl();
  const { user, confirm } = await openConfirm(item.id, url);
  const { db } = (await testBackend()).database;
  const before = (await auditHead(db)).seq;
  await user.click(within(confirm).getByRole('button', { name: 'Copy defanged URL' }));
  expect(await within(confirm).findByText('Copied the defanged URL.')).toBeInTheDocument();
  expect(await navigator.clipboard.readText()).toBe(wholeDefanged(url));
  expect(await appendedSince(db, before)).toMatchObject([
    { action: 'url.copied', detail: { form: 'defanged' } },
  ]);
});

test('a copy that cannot be recorded puts nothing on the clipboard, and says so', async () => {
  await signInForTest('usr_ana');
  const { item, url } = await decidedItemWithSourceUrl();
  const { user, confirm } = await openConfirm(item.id, url);
  await navigator.clipboard.writeText('untouched');
  await configureBackend({ faults: ['500:/api/url-copies'] });
  await user.click(within(confirm).getByRole('checkbox', { name: /I need the live URL/ }));
  await user.click(within(confirm).getByRole('button', { name: 'Copy live URL' }));
  expect(await within(confirm).findByRole('alert')).toHaveTextContent(/^Not copied: /);
  expect(await navigator.clipboard.readText()).toBe('untouched');
});
