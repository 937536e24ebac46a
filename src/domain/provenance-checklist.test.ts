import { expect, test } from 'vitest';
import type { FlaggedItem } from '../api/schemas/item';
import { generateData } from '../server/demo/generator';
import {
  acquisitionTime,
  actionabilityScore,
  completenessAt,
  keptCompleteness,
  keptEntries,
  keptEntryPresent,
  provenanceChecklist,
} from './provenance-checklist';

const [generated] = generateData({ seed: 3, items: 5, now: new Date(), leaseSeconds: 300 }).items;
if (!generated) throw new Error('no item');
const sample: FlaggedItem = generated;

function itemWith(change: (item: FlaggedItem) => void): FlaggedItem {
  const item = structuredClone(sample);
  change(item);
  return item;
}

const complete = itemWith((i) => {
  i.provenance.supplier = { id: 's', name: 'Acme Data', contractRef: 'C-1' };
  i.provenance.dataset = { id: 'd', name: 'webimg', version: 'v3' };
  i.provenance.origin.sourceUrls = ['https://img.example.com/a.jpg'];
  i.provenance.origin.pageUrl = 'https://example.com/page';
  i.provenance.origin.crawledAt = '2025-08-14T02:11:00.000Z';
  i.provenance.origin.httpStatus = 200;
  i.media.originalHash = { algorithm: 'SHA256', value: 'a'.repeat(64) };
  i.provenance.acquisition.batchId = 'b-4471';
  i.provenance.acquisition.recordId = 'shard-1/rec-2';
  i.provenance.origin.uploader = {
    accountName: 'user_1',
    profileUrl: null,
    ipAddress: null,
    uploadedAt: null,
  };
  i.provenance.origin.hostIp = '198.51.100.7';
  i.media.fileName = 'IMG_1.jpg';
});

test('an item with every field is complete', () => {
  const entries = provenanceChecklist(complete);
  expect(entries.every((e) => e.present)).toBe(true);
  expect(actionabilityScore(entries)).toEqual({ present: 10, total: 10 });
});

test('each missing field is named, and only actionability entries count in the score', () => {
  const item = itemWith((i) => {
    Object.assign(i, structuredClone(complete));
    i.provenance.origin.sourceUrls = [];
    i.provenance.dataset = { id: 'd', name: 'webimg', version: null };
    i.provenance.origin.crawledAt = null;
    i.provenance.acquisition.acquiredAt = null;
    i.media.fileName = null;
  });
  const entries = provenanceChecklist(item);
  expect(entries.filter((e) => !e.present).map((e) => e.id)).toEqual([
    'dataset',
    'location_of_file',
    'incident_date',
    'original_file_name',
  ]);
  expect(actionabilityScore(entries)).toEqual({ present: 7, total: 10 });
});

test('a crawl time or an acquisition date each answers the incident date', () => {
  const acquiredOnly = itemWith((i) => {
    Object.assign(i, structuredClone(complete));
    i.provenance.origin.crawledAt = null;
    i.provenance.acquisition.acquiredAt = '2025-08-01T00:00:00.000Z';
  });
  expect(provenanceChecklist(acquiredOnly).find((e) => e.id === 'incident_date')?.present).toBe(
    true,
  );
});

test('a supplier without a contract reference is not enough to hold it to account', () => {
  const item = itemWith((i) => {
    Object.assign(i, structuredClone(complete));
    i.provenance.supplier = { id: 's', name: 'Lumen', contractRef: null };
  });
  expect(provenanceChecklist(item).find((e) => e.id === 'supplier')?.present).toBe(false);
});

test('a field holding only blanks is missing, by the report checklist’s rule', () => {
  const blank = itemWith((i) => {
    Object.assign(i, structuredClone(complete));
    i.provenance.supplier.contractRef = ' ';
    i.provenance.origin.sourceUrls = ['  '];
    i.provenance.origin.pageUrl = '';
    i.provenance.acquisition.recordId = '\t';
    i.provenance.origin.hostIp = '';
    i.media.fileName = ' ';
    i.provenance.origin.uploader = {
      accountName: ' ',
      profileUrl: null,
      ipAddress: '203.0.113.9',
      uploadedAt: null,
    };
  });
  expect(
    provenanceChecklist(blank)
      .filter((e) => !e.present)
      .map((e) => e.id),
  ).toEqual([
    'supplier',
    'location_of_file',
    'web_page_url',
    'batch_or_record',
    'reported_person',
    'ip_capture',
    'original_file_name',
  ]);
});

test('the incident time is the crawl’s, else the acquisition’s, each only when it reads as a date', () => {
  const at = (crawledAt: string | null, acquiredAt: string | null) =>
    acquisitionTime(
      itemWith((i) => {
        i.provenance.origin.crawledAt = crawledAt;
        i.provenance.acquisition.acquiredAt = acquiredAt;
      }),
    );
  expect(at('2025-08-14T02:11:00.000Z', '2025-08-01T00:00:00.000Z')).toEqual({
    at: '2025-08-14T02:11:00.000Z',
    kind: 'crawled',
  });
  expect(at(null, '2025-08-01T00:00:00.000Z')).toEqual({
    at: '2025-08-01T00:00:00.000Z',
    kind: 'acquired',
  });
  expect(at('', ' ')).toBeNull();
});

test('a value NCMEC refuses is not present: the report could not send it', () => {
  const now = new Date('2026-11-30T12:00:00.000Z');
  const refused = itemWith((i) => {
    i.provenance.origin.sourceUrls = [
      'javascript:alert(1)',
      `https://example.test/${'a'.repeat(2100)}`,
    ];
    i.provenance.origin.pageUrl = '<b>not a url</b>';
    i.provenance.origin.crawledAt = '2099-01-01T00:00:00.000Z';
    i.provenance.acquisition.acquiredAt = null;
    i.provenance.origin.hostIp = '999.1.1.1';
    i.media.fileName = 'x'.repeat(2057);
  });
  const missing = provenanceChecklist(refused, now)
    .filter((e) => !e.present)
    .map((e) => e.id);
  expect(missing).toEqual(
    expect.arrayContaining([
      'location_of_file',
      'web_page_url',
      'incident_date',
      'ip_capture',
      'original_file_name',
    ]),
  );
  // One sendable source URL among refused ones is enough.
  refused.provenance.origin.sourceUrls.push('https://example.test/file.jpg');
  expect(provenanceChecklist(refused, now).find((e) => e.id === 'location_of_file')?.present).toBe(
    true,
  );
});

test('the completeness an item keeps gives its badge and each entry at any time, as its checklist would then', () => {
  const now = new Date('2026-03-02T12:00:00.000Z');
  const times = [
    '2026-03-03T00:00:00.000Z',
    '2026-03-01T00:00:00+05:00',
    '2026-03-02T12:00:00.000Z',
    '2026-03-02 12:00:00Z',
    '2026-03-02T12:00:00',
    'yesterday',
    '2026-13-45T00:00:00Z',
    ' 2026-03-02T12:00:00Z ',
    '+275760-09-13T00:00:00.000Z',
    '',
    null,
  ];
  const crafted = times.flatMap((crawledAt) =>
    times.map((acquiredAt) =>
      itemWith((i) => {
        i.provenance.origin.crawledAt = crawledAt;
        i.provenance.acquisition.acquiredAt = acquiredAt;
      }),
    ),
  );
  const items = [
    ...generateData({ seed: 5, items: 500, now, leaseSeconds: 300 }).items,
    complete,
    ...crafted,
  ];
  const moments = [
    new Date(0),
    now,
    ...times.flatMap((at) => {
      const ms = at === null ? NaN : Date.parse(at);
      return Number.isFinite(ms) && Math.abs(ms) < 8.64e15
        ? [new Date(ms - 1), new Date(ms), new Date(ms + 1)]
        : [];
    }),
    new Date(8.64e15),
  ];
  const badges = new Set<string>();
  for (const item of items) {
    const kept = keptCompleteness(item);
    const entries = keptEntries(item);
    for (const moment of moments) {
      const checklist = provenanceChecklist(item, moment);
      const expected = actionabilityScore(checklist);
      expect(completenessAt(kept, moment), `${item.id} at ${moment.toISOString()}`).toEqual(
        expected,
      );
      badges.add(`${expected.present}`);
      // Each entry, as the insights count them per supplier.
      for (const entry of checklist.filter((e) => e.level === 'actionability'))
        expect(
          keptEntryPresent(entry.id, { entries, incidentFrom: kept.incidentFrom }, moment),
          `${entry.id} of ${item.id} at ${moment.toISOString()}`,
        ).toBe(entry.present);
    }
  }
  // The clock moves a badge: a crawl the day after `now` answers the incident date once past.
  const crawledTomorrow = keptCompleteness(
    itemWith((i) => {
      i.provenance.origin.crawledAt = '2026-03-03T00:00:00.000Z';
      i.provenance.acquisition.acquiredAt = null;
    }),
  );
  const dayAfter = new Date('2026-03-04T00:00:00.000Z');
  expect(completenessAt(crawledTomorrow, dayAfter).present).toBe(
    completenessAt(crawledTomorrow, now).present + 1,
  );
  expect(badges.size).toBeGreaterThan(4);
});
