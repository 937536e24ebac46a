import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FlaggedItem } from '../../api/schemas/item';
import { Report } from '../../api/schemas/report';
import { ReportUpdate } from '../../api/schemas/report-workflow';
import { refusedEntries, reportChecklist } from '../../domain/report-checklist';
import hostile from '../demo/fixtures/hostile-strings.json';
import { generateData } from '../demo/generator';
import { openTestServer } from '../testing/test-server';
import { draftFields, incidentOf, uploaderKey } from './draft-fields';
import { fileOf } from './draft-file';
import { seededReportDrafts } from './seed-report-drafts';
import { editable, reportKit } from './testing/report-kit';

const NOW = new Date();
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const longUrl = hostile.urls.find((u) => u.length > 8000) ?? '';

const demo = (seed: number, items: number) =>
  generateData({ seed, items, now: NOW, leaseSeconds: 300 });

/** A confirmed item of the demo data, its provenance replaced in part. */
function confirmedItem(origin: Partial<FlaggedItem['provenance']['origin']>, fileName?: string) {
  const found = demo(1, 300).items.find((i) => i.status === 'confirmed');
  if (!found) throw new Error('no confirmed item');
  const item = structuredClone(found);
  item.provenance.origin = { ...item.provenance.origin, ...origin };
  if (fileName !== undefined) item.media.fileName = fileName;
  return item;
}

describe('drafts: values NCMEC would refuse become explained gaps', () => {
  it('every draft of the default demo data can be read and saved, and holds no value NCMEC refuses', async () => {
    const server = await openTestServer();
    try {
      const kit = reportKit(server);
      const stored = await kit.allStored();
      const unsaveable: string[] = [];
      for (const { id } of stored) {
        const report = Report.safeParse(
          (await kit.call('GET', `/api/reports/${id}`, 'usr_ana')).json,
        );
        const update = report.success && {
          version: report.data.version,
          fields: editable(report.data),
        };
        if (!update || !ReportUpdate.safeParse(update).success) unsaveable.push(id);
      }
      expect(unsaveable).toEqual([]);
      expect(stored.find((r) => r.id === 'rpt_00005')?.files.length).toBeGreaterThan(0);
      const refused = stored.flatMap((r) =>
        refusedEntries(reportChecklist(r, NOW)).map((e) => `${r.id} ${e.id}`),
      );
      expect(refused).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('pre-fills such a field as not available with a generated reason, and keeps the value, escaped and cut, with its SHA-256', () => {
    const uploadedAt = '2099-01-01T00:00:00Z';
    const item = confirmedItem(
      {
        pageUrl: 'javascript:alert(document.domain)',
        sourceUrls: [longUrl],
        crawledAt: null,
        uploader: {
          accountName: 'a'.repeat(5000),
          profileUrl: 'https://exаmple.com/\u202eu',
          ipAddress: '203.0.113.999',
          uploadedAt,
        },
      },
      'a'.repeat(5000),
    );
    const file = fileOf([item], () => [], NOW);
    expect(file).toMatchObject({
      locationOfFile: null,
      otherLocations: [],
      originalFileName: null,
    });
    const fields = draftFields([item], [file], NOW);
    expect(fields.webPages).toEqual([]);
    expect(fields.reportedPerson).toBeNull();
    expect(fields.notAvailable.map((n) => n.field)).toEqual([
      'web_page_url',
      'location_of_file',
      'reported_person',
      'ip_capture',
    ]);
    expect(fields.notAvailable[0]?.reason).toMatch(
      /^Generated: the supplier’s data holds one value for this that NCMEC’s rules refuse \(must be a valid URL\)/,
    );
    const byField = new Map(fields.refusedSourceValues.map((v) => [v.field, v]));
    expect([...byField.keys()].sort()).toEqual(
      ['ip_address', 'ip_capture_time', 'location_of_file', 'original_file_name'].concat(
        'profile_url',
        'screen_name',
        'web_page_url',
      ),
    );
    expect(byField.get('location_of_file')).toMatchObject({
      rule: 'max length is 2083 characters',
      length: longUrl.length,
      sha256: sha256(longUrl),
      fileSha256: file.sha256,
      itemId: item.id,
    });
    expect(byField.get('location_of_file')?.excerpt).toHaveLength(200);
    expect(byField.get('location_of_file')?.excerpt.endsWith('…')).toBe(true);
    expect(byField.get('profile_url')?.excerpt).toBe('https://ex\\u{430}mple.com/\\u{202E}u');
    expect(byField.get('web_page_url')).toMatchObject({
      excerpt: 'javascript:alert(document.domain)',
      fileSha256: null,
    });
    expect(byField.get('ip_capture_time')?.rule).toBe('must be in the past');
  });

  it('a time the file reached the provider that is not in the past is set aside, not pre-filled', () => {
    const item = confirmedItem({});
    const ingested = item.provenance.custody.find((c) => c.kind === 'ingested');
    if (!ingested) throw new Error('no ingestion record');
    ingested.at = '2099-01-01T00:00:00.000Z';
    const file = fileOf([item], () => [], NOW);
    expect(file.uploadedToEspTimestamp).toBeNull();
    const fields = draftFields([item], [file], NOW);
    const report = { ...fields, incident: incidentOf(item), reporter: null, files: [file] };
    expect(refusedEntries(reportChecklist(report, NOW))).toEqual([]);
    expect(fields.refusedSourceValues).toContainEqual(
      expect.objectContaining({
        field: 'uploaded_to_esp',
        xsdPath: 'fileDetails/uploadedToEspTimestamp',
        rule: 'must be in the past',
        fileSha256: file.sha256,
      }),
    );
  });

  it('a value NCMEC accepts is always pre-filled; no reason is generated for what the data lacks', () => {
    const item = confirmedItem({
      pageUrl: 'https://example.com/page',
      sourceUrls: ['javascript:alert(1)', 'https://example.com/a.jpg'],
      uploader: null,
    });
    const file = fileOf([item], () => [], NOW);
    expect(file.locationOfFile).toBe('https://example.com/a.jpg');
    const fields = draftFields([item], [file], NOW);
    expect(fields.webPages.map((p) => p.url)).toEqual(['https://example.com/page']);
    // No uploader in the data: the checklist asks a person, nothing is generated.
    expect(fields.notAvailable).toEqual([]);
    expect(fields.refusedSourceValues.map((v) => v.field)).toEqual(['location_of_file']);
  });
});

describe('drafts: everything known, nothing invented', () => {
  it('a file takes what any of its items knows: the first status and hash as obtained any holds', () => {
    const first = confirmedItem({ httpStatus: null });
    first.media.originalHash = null;
    const second = structuredClone(first);
    second.id = 'itm_second';
    second.provenance.origin.httpStatus = 200;
    second.media.originalHash = { algorithm: 'MD5', value: 'd41d8cd98f00b204e9800998ecf8427e' };
    expect(fileOf([first, second], () => [], NOW)).toMatchObject({
      publiclyAvailable: true,
      originalFileHash: { hashType: 'MD5', value: 'd41d8cd98f00b204e9800998ecf8427e' },
    });
  });

  const data = demo(2, 2000);
  const byId = new Map(data.items.map((i) => [i.id, i]));
  const { reports } = seededReportDrafts(data, NOW);
  const itemsOf = (report: (typeof reports)[number]) =>
    report.files.flatMap((f) => f.itemIds.flatMap((id) => byId.get(id) ?? []));

  it('one report per uploader (NCMEC takes one reported person a report), with all they uploaded', () => {
    for (const stored of reports) {
      const items = itemsOf(stored);
      const uploaders = new Set(items.map((i) => JSON.stringify(uploaderKey(i))));
      expect(uploaders.size, stored.id).toBe(1);
      const uploader = items[0]?.provenance.origin.uploader;
      if (!uploader) continue;
      const person = stored.reportedPerson;
      const setAside = new Set(stored.refusedSourceValues.map((v) => v.field));
      if (!setAside.has('screen_name')) expect(person?.screenName).toBe(uploader.accountName);
      if (uploader.profileUrl !== null && !setAside.has('profile_url'))
        expect(person?.profileUrl).toBe(uploader.profileUrl);
    }
  });

  it('writes no incident type, third-party flag or training statement no record or person gave', () => {
    for (const report of reports) {
      expect(report.incidentSummary.incidentType).toBeNull();
      expect(report.webPages.every((p) => p.thirdPartyHostedContent === null)).toBe(true);
      expect(report.excludedFromTraining).toBeNull();
      expect(report.additionalInfo).not.toMatch(/training;|excluded from training|before training/);
      expect(report.additionalInfo).toMatch(/The custody record shows .* quarantined in /);
    }
  });
});
