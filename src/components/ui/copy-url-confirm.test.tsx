// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { signInForTest, testBackend } from '../../test/mock-server';
import { renderApp } from '../../test/render-app';
import { defangUrl, wholeDefanged } from '../../lib/defang';

const decidedItemWithSourceUrl = () => {
  const item = testBackend.state.items.find(
    (i) => i.status === 'dismissed' && i.provenance.origin.sourceUrls.length > 0,
  );
  if (!item) throw new Error('no decided item with a source URL');
  return { item, url: item.provenance.origin.sourceUrls[0] ?? '' };
};

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
  signInForTest('usr_ana');
  const { item, url } = decidedItemWithSourceUrl();
  const { user, confirm } = await openConfirm(item.id, url);
  const before = testBackend.state.audit.size;
  await user.click(within(confirm).getByRole('button', { name: 'Copy defanged URL' }));
  expect(await within(confirm).findByText('Copied the defanged URL.')).toBeInTheDocument();
  expect(await navigator.clipboard.readText()).toBe(wholeDefanged(url));
  expect(testBackend.state.audit.range(before + 1, 5)).toMatchObject([
    { action: 'url.copied', detail: { form: 'defanged' } },
  ]);
});

test('a copy that cannot be recorded puts nothing on the clipboard, and says so', async () => {
  signInForTest('usr_ana');
  const { item, url } = decidedItemWithSourceUrl();
  const { user, confirm } = await openConfirm(item.id, url);
  await navigator.clipboard.writeText('untouched');
  testBackend.configure({ faults: ['500:/api/url-copies'] });
  await user.click(within(confirm).getByRole('checkbox', { name: /I need the live URL/ }));
  await user.click(within(confirm).getByRole('button', { name: 'Copy live URL' }));
  expect(await within(confirm).findByRole('alert')).toHaveTextContent(/^Not copied: /);
  expect(await navigator.clipboard.readText()).toBe('untouched');
});
