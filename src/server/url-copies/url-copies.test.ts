import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { Provenance } from '../../api/schemas/item';
import { UrlCopyRecorded } from '../../api/schemas/url-copy';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { auditHead } from '../audit/audit-chain';
import { allEvents, appendedSince } from '../testing/audit-events';
import { openTestServer, type TestClient, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

const Origin = Provenance.shape.origin;
/** The items' origins in the order the generator made them: an id ends in its index. */
const origins = async () =>
  (
    await server.database.db
      .selectFrom('provenance')
      .select(['item_id', 'origin'])
      .orderBy(sql`right(item_id, 4)`)
      .execute()
  ).map((row) => ({ id: row.item_id, origin: Origin.parse(row.origin) }));

const itemWithUrls = async () => {
  const item = (await origins()).find((i) => i.origin.sourceUrls.length > 0 && i.origin.pageUrl);
  if (!item) throw new Error('no item with a source and a page URL');
  return item;
};
const size = async () => (await auditHead(server.database.db)).seq;
const since = (before: number) => appendedSince(server.database.db, before);

const copy = async (
  client: TestClient,
  subject: object,
  url: string,
  form: 'defanged' | 'live',
) => {
  const response = await client.send('POST', '/api/url-copies', { subject, url, form });
  return { status: response.status, json: (await response.json()) as unknown };
};

test('copying an item’s URL is recorded with its defanged form, its field and the form copied; the live URL never enters the log', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await itemWithUrls();
  const [source = ''] = item.origin.sourceUrls;
  const before = await size();
  const defanged = await copy(ana, { type: 'item', id: item.id }, source, 'defanged');
  expect(defanged.status).toBe(200);
  expect(UrlCopyRecorded.parse(defanged.json).form).toBe('defanged');
  const page = item.origin.pageUrl ?? '';
  expect((await copy(ana, { type: 'item', id: item.id }, page, 'live')).status).toBe(200);
  const events = await since(before);
  expect(events).toMatchObject([
    { action: 'url.copied', actor: { id: 'usr_ana' }, subject: { type: 'item', id: item.id } },
    { action: 'url.copied', detail: { field: 'page_url', form: 'live' } },
  ]);
  expect(Object.keys(events[0]?.detail ?? {}).sort()).toEqual(['field', 'form', 'url']);
  expect(events[0]?.detail).toMatchObject({ field: 'source_url', form: 'defanged' });
  expect(String(events[0]?.detail.url)).toMatch(/^hxxps?:\/\/[^/]*\[\.\]/);
  const logged = JSON.stringify(events);
  expect(logged).not.toContain(source);
  expect(logged).not.toContain(page);
  expect(logged).not.toMatch(/https?:\/\//);
  const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
  expect(verifier.push(await allEvents(server.database.db))).toBeNull();
});

test('an auditor copies the defanged form only: the live form is refused (403) and nothing is recorded', async () => {
  const alex = await server.signIn('usr_alex');
  const item = await itemWithUrls();
  const [source = ''] = item.origin.sourceUrls;
  const before = await size();
  expect((await copy(alex, { type: 'item', id: item.id }, source, 'live')).status).toBe(403);
  expect(await size()).toBe(before);
  expect((await copy(alex, { type: 'item', id: item.id }, source, 'defanged')).status).toBe(200);
});

test('a URL the subject does not hold is not recorded as copied (404); a report’s file locations are', async () => {
  const sasha = await server.signIn('usr_sasha');
  const item = await itemWithUrls();
  const before = await size();
  const foreign = await copy(
    sasha,
    { type: 'item', id: item.id },
    'https://elsewhere.example/not-this-item',
    'defanged',
  );
  expect(foreign.status).toBe(404);
  expect(
    (await copy(sasha, { type: 'report', id: 'rep_nothere' }, 'https://a.example/', 'live')).status,
  ).toBe(404);
  expect(await size()).toBe(before);

  // A report listing another location of its file, as the reports' tables hold one.
  const url = 'https://mirror.example/copies/a.jpg';
  const { db } = server.database;
  await db
    .insertInto('reports')
    .values({
      id: 'rep_urlcopy',
      version: 1,
      status: 'draft',
      supplier_id: 'sup_test',
      incident_key: 'sup_test',
      prior_report_id: null,
      body: JSON.stringify({}),
      created_at: server.clock.now,
      updated_at: server.clock.now,
    })
    .execute();
  await db
    .insertInto('report_files')
    .values({
      report_id: 'rep_urlcopy',
      sha256: 'a'.repeat(64),
      position: 0,
      file: JSON.stringify({ locationOfFile: null, otherLocations: [url] }),
    })
    .execute();
  await db
    .insertInto('report_items')
    .values({ report_id: 'rep_urlcopy', item_id: item.id, sha256: 'a'.repeat(64) })
    .execute();
  expect((await copy(sasha, { type: 'report', id: 'rep_urlcopy' }, url, 'defanged')).status).toBe(
    200,
  );
  // An item's URLs are the report's too.
  const [source = ''] = item.origin.sourceUrls;
  expect(
    (await copy(sasha, { type: 'report', id: 'rep_urlcopy' }, source, 'defanged')).status,
  ).toBe(200);
  expect(await since(before)).toMatchObject([
    {
      action: 'url.copied',
      subject: { type: 'report', id: 'rep_urlcopy' },
      detail: { field: 'file_location' },
    },
    {
      action: 'url.copied',
      subject: { type: 'report', id: 'rep_urlcopy' },
      detail: { field: 'source_url' },
    },
  ]);
});

test('a URL longer than any NCMEC takes (the data holds one of 8,028 characters) is copied and recorded like any other', async () => {
  const ana = await server.signIn('usr_ana');
  const item = (await origins()).find((i) => i.origin.sourceUrls.some((u) => u.length > 8000));
  if (!item) throw new Error('no item with the long hostile URL');
  const url = item.origin.sourceUrls.find((u) => u.length > 8000) ?? '';
  const before = await size();
  const copied = await copy(ana, { type: 'item', id: item.id }, url, 'defanged');
  expect(copied.status).toBe(200);
  expect(await since(before)).toMatchObject([
    { action: 'url.copied', detail: { field: 'source_url', form: 'defanged' } },
  ]);
});
