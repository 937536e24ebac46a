import { expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import type { AuditEvent } from '../../api/schemas/audit';
import { UrlCopyRecorded } from '../../api/schemas/url-copy';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { signInForTest, testBackend } from '../../test/mock-server';
import { call, listReports } from '../../test/reports';

const appendedSince = (size: number): readonly AuditEvent[] =>
  testBackend.state.audit.range(size + 1, testBackend.state.audit.size - size);

const itemWithUrls = () => {
  const item = testBackend.state.items.find(
    (i) => i.provenance.origin.sourceUrls.length > 0 && i.provenance.origin.pageUrl,
  );
  if (!item) throw new Error('no item with a source and a page URL');
  return item;
};

const copy = (cookie: string, subject: object, url: string, form: 'defanged' | 'live') =>
  call('POST', '/api/url-copies', cookie, { subject, url, form });

test('copying an item’s URL is recorded with its defanged form, its field and the form copied; the live URL never enters the log', async () => {
  const ana = signInForTest('usr_ana');
  const item = itemWithUrls();
  const [source = ''] = item.provenance.origin.sourceUrls;
  const before = testBackend.state.audit.size;
  const defanged = await copy(ana.cookie, { type: 'item', id: item.id }, source, 'defanged');
  expect(defanged.status).toBe(200);
  expect(UrlCopyRecorded.parse(defanged.json).form).toBe('defanged');
  const page = item.provenance.origin.pageUrl ?? '';
  expect((await copy(ana.cookie, { type: 'item', id: item.id }, page, 'live')).status).toBe(200);
  const events = appendedSince(before);
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
  expect(verifier.push(testBackend.state.audit.range(1, testBackend.state.audit.size))).toBeNull();
});

test('an auditor copies the defanged form only: the live form is refused (403) and nothing is recorded', async () => {
  const alex = signInForTest('usr_alex');
  const item = itemWithUrls();
  const [source = ''] = item.provenance.origin.sourceUrls;
  const before = testBackend.state.audit.size;
  expect((await copy(alex.cookie, { type: 'item', id: item.id }, source, 'live')).status).toBe(403);
  expect(testBackend.state.audit.size).toBe(before);
  expect((await copy(alex.cookie, { type: 'item', id: item.id }, source, 'defanged')).status).toBe(
    200,
  );
});

test('a URL the subject does not hold is not recorded as copied (404); a report’s file locations are', async () => {
  const sasha = signInForTest('usr_sasha');
  const item = itemWithUrls();
  const before = testBackend.state.audit.size;
  const foreign = await copy(
    sasha.cookie,
    { type: 'item', id: item.id },
    'https://elsewhere.example/not-this-item',
    'defanged',
  );
  expect(foreign.status).toBe(404);
  expect(
    (await copy(sasha.cookie, { type: 'report', id: 'rep_nothere' }, 'https://a.example/', 'live'))
      .status,
  ).toBe(404);
  expect(testBackend.state.audit.size).toBe(before);

  const { reports } = await listReports(sasha.cookie);
  const report = testBackend.state.reports
    .list()
    .find((r) => reports.some((s) => s.id === r.id) && r.files.some((f) => f.otherLocations[0]));
  const url = report?.files.find((f) => f.otherLocations[0])?.otherLocations[0];
  if (!report || !url) throw new Error('no report listing another location');
  expect(
    (await copy(sasha.cookie, { type: 'report', id: report.id }, url, 'defanged')).status,
  ).toBe(200);
  expect(appendedSince(before)).toMatchObject([
    { action: 'url.copied', subject: { type: 'report', id: report.id } },
  ]);
});

test('a URL longer than any NCMEC takes (the data holds one of 8,028 characters) is copied and recorded like any other', async () => {
  const ana = signInForTest('usr_ana');
  const item = testBackend.state.items.find((i) =>
    i.provenance.origin.sourceUrls.some((u) => u.length > 8000),
  );
  if (!item) throw new Error('no item with the long hostile URL');
  const url = item.provenance.origin.sourceUrls.find((u) => u.length > 8000) ?? '';
  const before = testBackend.state.audit.size;
  const copied = await copy(ana.cookie, { type: 'item', id: item.id }, url, 'defanged');
  expect(copied.status).toBe(200);
  expect(appendedSince(before)).toMatchObject([
    { action: 'url.copied', detail: { field: 'source_url', form: 'defanged' } },
  ]);
});
