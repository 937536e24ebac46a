// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { FlaggedItem } from '../../../api/schemas/item';
import { chooseWellness } from '../../../shared/wellness-state/model/wellness-choices';
import { renderComponent } from '../../../test/render-component';
import { pendingItemId, servedItem } from '../../../test/served-item';
import { mockServer, signInForTest } from '../../../test/test-backend';
import { MediaPreview } from './media-preview';

/** Every request this page sends, as `METHOD path`. */
const sent: string[] = [];
const record = ({ request }: { request: Request }) => {
  sent.push(`${request.method} ${new URL(request.url).pathname}`);
};
const mediaRequests = () => sent.filter((line) => /\/(preview|reveal|media)\b/.test(line));

beforeEach(() => {
  sent.length = 0;
  mockServer.events.on('request:start', record);
});
afterEach(() => {
  mockServer.events.removeListener('request:start', record);
  localStorage.clear();
});

/** The preview of a pending item, as an analyst (or `as`) sees it. */
async function showPreview({ hashOnly, as = 'usr_ana' }: { hashOnly: boolean; as?: string }) {
  const client = await signInForTest(as);
  const item = await servedItem(client, await pendingItemId({ hashOnly }));
  const canSeeMedia = client.user.role !== 'auditor';
  const rendered = renderComponent(
    <MediaPreview item={item} canSeeMedia={canSeeMedia} userId={as} />,
  );
  const preview = await screen.findByRole('region', { name: 'Preview' });
  // A reviewer's preview waits for the organisation's wellness defaults (safe mode may be on).
  if (canSeeMedia) await waitFor(() => expect(sent).toContain('GET /api/settings/organisation'));
  return { ...rendered, item, preview };
}

const blurred = (preview: HTMLElement) =>
  within(preview).queryByRole('img', { name: 'Server-blurred preview (not the original)' });
const original = (preview: HTMLElement) =>
  within(preview).queryByRole('img', { name: /^Revealed original/ });

/** Hashes and the fingerprint drawn from them: what stands for the media where none is shown. */
function expectHashesOnly(preview: HTMLElement, item: FlaggedItem) {
  expect(
    within(preview).getByRole('img', { name: /^Visual fingerprint of SHA-256/ }),
  ).toBeInTheDocument();
  expect(within(preview).getByText(item.media.sha256)).toBeInTheDocument();
  expect(blurred(preview)).toBeNull();
  expect(original(preview)).toBeNull();
  expect(within(preview).queryByRole('button', { name: /^Reveal/ })).toBeNull();
}

test('a blurred item shows the server-blurred derivative; revealing the original waits behind a confirm', async () => {
  const { preview, item, user } = await showPreview({ hashOnly: false });
  if (item.preview.mode !== 'blurred') throw new Error('not a blurred item');
  expect(
    await within(preview).findByRole('img', { name: 'Server-blurred preview (not the original)' }),
  ).toHaveAttribute('src', item.preview.blurredUrl);
  expect(original(preview)).toBeNull();

  // The first step only asks; cancelling it reveals nothing.
  await user.click(within(preview).getByRole('button', { name: 'Reveal…' }));
  const confirm = within(preview).getByRole('group', { name: 'Confirm reveal' });
  expect(confirm).toHaveTextContent('Reveal the original for up to 10 s? It is recorded.');
  await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
  expect(within(preview).queryByRole('group', { name: 'Confirm reveal' })).toBeNull();
  expect(original(preview)).toBeNull();
  expect(mediaRequests()).toEqual([]);

  await user.click(within(preview).getByRole('button', { name: 'Reveal…' }));
  await user.click(within(preview).getByRole('button', { name: 'Reveal for 10 s' }));
  expect(await within(preview).findByRole('img', { name: /^Revealed original/ })).toBeVisible();
  expect(blurred(preview)).toBeNull();
  expect(within(preview).getByText(/^Blurs again in \d+ s/)).toBeInTheDocument();
  expect(within(preview).getByText('Reveals this sign-in: 1')).toBeInTheDocument();
  expect(mediaRequests()).toEqual([`POST /api/items/${item.id}/reveal`]);

  await user.click(within(preview).getByRole('button', { name: 'Blur now' }));
  expect(original(preview)).toBeNull();
  expect(blurred(preview)).not.toBeNull();
  expect(within(preview).getByRole('button', { name: 'Reveal…' })).toBeEnabled();
  // Its end is on the record too.
  await waitFor(() =>
    expect(mediaRequests().at(-1)).toMatch(
      new RegExp(`^POST /api/items/${item.id}/reveal/.+/end$`),
    ),
  );
});

test('a hash-only item shows its hashes and fingerprint, no picture, and requests no media at all', async () => {
  const { preview, item } = await showPreview({ hashOnly: true });
  expect(within(preview).getByText('Hash only: no media is loaded for this item.')).toBeVisible();
  expectHashesOnly(preview, item);
  expect(mediaRequests()).toEqual([]);
});

test('with safe mode on, a blurred item shows no preview, offers no reveal and requests no media', async () => {
  chooseWellness('usr_ana', { safeMode: true });
  const { preview, item } = await showPreview({ hashOnly: false });
  expect(
    await within(preview).findByText(/Safe mode is on: no previews are shown/),
  ).toBeInTheDocument();
  expect(within(preview).getByRole('link', { name: 'Wellness settings' })).toBeInTheDocument();
  expectHashesOnly(preview, item);
  expect(mediaRequests()).toEqual([]);
});

test('an auditor sees hashes and metadata only, and no media is requested', async () => {
  const { preview, item } = await showPreview({ hashOnly: false, as: 'usr_alex' });
  expect(
    within(preview).getByText('Media is never shown to auditors: hashes and metadata only.'),
  ).toBeInTheDocument();
  expectHashesOnly(preview, item);
  expect(mediaRequests()).toEqual([]);
});
