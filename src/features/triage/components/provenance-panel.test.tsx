// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { sql } from 'kysely';
import { expect, test, vi } from 'vitest';
import type { FlaggedItem } from '../../../api/schemas/item';
import hostile from '../../../server/demo/fixtures/hostile-strings.json';
import { renderComponent } from '../../../test/render-component';
import { pendingItemId, servedItem } from '../../../test/served-item';
import { signInForTest, testBackend } from '../../../test/test-backend';
import { ProvenancePanel } from './provenance-panel';

type Origin = FlaggedItem['provenance']['origin'];

/** A pending item whose origin the supplier's data gave as `origin` (over what it held), served. */
async function itemWithOrigin(origin: Partial<Origin>) {
  const client = await signInForTest('usr_ana');
  const itemId = await pendingItemId({ hashOnly: false });
  const { db } = (await testBackend()).database;
  await db
    .updateTable('provenance')
    .set({ origin: sql`origin || ${JSON.stringify(origin)}::jsonb` })
    .where('item_id', '=', itemId)
    .execute();
  return servedItem(client, itemId);
}

async function showProvenance(item: FlaggedItem) {
  renderComponent(<ProvenancePanel item={item} />);
  return screen.findByRole('region', { name: 'Provenance' });
}

/** What the panel says beside the field a person reads as `label`. */
function field(panel: HTMLElement, label: string) {
  const terms = within(panel).getAllByRole('term');
  const index = terms.findIndex((term) => term.textContent === label);
  const value = within(panel).getAllByRole('definition')[index];
  if (index < 0 || !value) throw new Error(`no field “${label}”`);
  return value;
}

const [scriptTag = '', imgOnError = ''] = hostile.html;
const [javascriptUrl = ''] = hostile.urls;
const credentialsUrl = hostile.urls.find((url) => url.includes('user:pass@')) ?? '';
const reversedUrl = hostile.urls.find((url) => url.includes('\u202e')) ?? '';

test('hostile URLs and text from the supplier show as defanged text, never as links, and run nothing', async () => {
  const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
  const item = await itemWithOrigin({
    sourceUrls: [javascriptUrl, credentialsUrl, reversedUrl],
    pageUrl: `https://example.com/${scriptTag}`,
    pageTitle: scriptTag,
    uploader: {
      accountName: imgOnError,
      profileUrl: null,
      ipAddress: null,
      uploadedAt: null,
    },
  });
  const panel = await showProvenance(item);

  const sources = field(panel, 'Source URLs');
  expect(within(sources).getByText('javascript[:]alert(document.domain)')).toBeVisible();
  expect(
    within(sources).getByText('hxxps://user:pass@example[.]com:8443/path?q=<script>#frag'),
  ).toBeVisible();
  // The direction override is shown, not obeyed.
  expect(within(sources).getByText('hxxps://example[.]com/⟨U+202E⟩gpj.exe')).toBeVisible();
  expect(
    within(sources).getByRole('button', { name: 'Copy URL javascript[:]alert(document.domain)…' }),
  ).toBeEnabled();
  // Markup is text: shown as typed, nothing of it made into elements.
  expect(within(field(panel, 'Page title')).getByText(scriptTag)).toBeVisible();
  expect(within(field(panel, 'Uploader')).getByText(imgOnError)).toBeVisible();

  expect(within(panel).queryAllByRole('link')).toEqual([]);
  expect(within(panel).queryAllByRole('img')).toEqual([]);
  expect(document.getElementsByTagName('script')).toHaveLength(0);
  expect(document.getElementsByTagName('iframe')).toHaveLength(0);
  expect(alert).not.toHaveBeenCalled();
});

test('each field a report needs says whether it is present or missing', async () => {
  const item = await itemWithOrigin({
    sourceUrls: ['https://img.example.com/a/1.jpg'],
    pageUrl: null,
    httpStatus: 200,
    hostIp: null,
    uploader: null,
  });
  const panel = await showProvenance(item);

  for (const present of ['Source URLs', 'HTTP status at crawl'])
    expect(field(panel, present)).toHaveTextContent(/present$/);
  for (const missing of ['Page', 'Server IP', 'Uploader'])
    expect(field(panel, missing)).toHaveTextContent(/—\s*missing$/);

  const missingLine = within(panel).getByText(/^Missing: /);
  for (const label of ['Web page URL', 'Uploader account', 'Server IP'])
    expect(missingLine).toHaveTextContent(label);
  expect(missingLine).not.toHaveTextContent('Original source URL');
  expect(within(panel).getByText(/^Report fields: \d+ of 10 present$/)).toBeInTheDocument();
});

test('a javascript: “URL” is shown, defanged, but does not count as where the file came from', async () => {
  const item = await itemWithOrigin({ sourceUrls: [javascriptUrl] });
  const panel = await showProvenance(item);
  const sources = field(panel, 'Source URLs');
  expect(within(sources).getByText('javascript[:]alert(document.domain)')).toBeVisible();
  expect(sources).toHaveTextContent(/missing$/);
  expect(within(panel).getByText(/^Missing: /)).toHaveTextContent('Original source URL');
});
