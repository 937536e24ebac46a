import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlaggedItem } from '../../../api/schemas/item';
import type { Report } from '../../../api/schemas/report';
import { howToGetXsd, xsdPath } from '../../../domain/cybertipline-xsd.test-support';
import { readItems } from '../../items/item-rows';
import { openTestServer, type TestServer } from '../../testing/test-server';
import { auditFailed, auditReports } from './audit';
import { fieldChecks, lostFromDocuments } from './checks';
import { reportDocuments } from './documents';
import { settleAndApprove } from './settle';
import { auditText } from './table';

/**
 * The report audit (`npm run report-audit`) on one seed: every draft settled and approved through
 * the server's API, every document checked. Without CYBERTIPLINE_XSD the XSD part is skipped,
 * saying so.
 */
describe('report audit', () => {
  it(`seed 1, 2,000 items: every draft approved; no XSD failure${xsdPath ? '' : ` (XSD not checked: ${howToGetXsd})`}, no value NCMEC refuses, nothing lost or unsent`, async () => {
    const result = await auditReports({
      seed: 1,
      items: 2000,
      xsd: xsdPath ? readFileSync(xsdPath, 'utf8') : null,
    });
    console.info(auditText(result));
    expect(result.drafts).toBeGreaterThan(100);
    expect(result).toMatchObject({
      approved: result.drafts,
      xsdFailures: xsdPath ? [] : null,
      refused: [],
      unsaveable: [],
      notApproved: [],
      lost: [],
      unsent: [],
    });
    expect(auditFailed(result)).toBe(false);
    const sent = (field: string) => result.fields.find((f) => f.field === field)?.sent ?? 0;
    expect(sent('web_page_url')).toBeGreaterThan(0);
    expect(sent('reported_person')).toBeGreaterThan(0);
  }, 180_000);

  describe('finds what it looks for', () => {
    let server: TestServer;
    let report: Report;
    let items: FlaggedItem[];
    beforeAll(async () => {
      server = await openTestServer();
      const { approved } = await settleAndApprove(server);
      const found = approved.find((r) => r.files.some((f) => f.locationOfFile !== null));
      if (!found) throw new Error('no approved report with a source URL');
      report = found;
      items = await readItems(
        server.database.db,
        report.files.flatMap((f) => f.itemIds),
      );
    }, 120_000);
    afterAll(() => server.close());

    const context = (sent: Report, held: Report = sent) => ({
      report: held,
      items,
      docs: reportDocuments(sent, '90000001', server.clock.now),
      now: server.clock.now,
    });

    it('an acceptable source URL the documents do not send', () => {
      const withoutUrls: Report = {
        ...report,
        files: report.files.map((f) => ({ ...f, locationOfFile: null, otherLocations: [] })),
      };
      expect(fieldChecks.location_of_file(context(report)).unsent).toEqual([]);
      expect(fieldChecks.location_of_file(context(withoutUrls)).unsent.length).toBeGreaterThan(0);
    });

    it('a reason the documents do not carry', () => {
      const held: Report = {
        ...report,
        notAvailable: [{ field: 'ip_capture', reason: 'The crawl kept no uploader address.' }],
      };
      expect(lostFromDocuments(context(held))).toEqual([]);
      expect(lostFromDocuments(context({ ...held, notAvailable: [] }, held))).toEqual([
        `${report.id} reason for ip_capture`,
      ]);
    });

    it('a value NCMEC’s rules refuse', () => {
      const refused: Report = {
        ...report,
        webPages: [
          { url: 'javascript:alert(1)', thirdPartyHostedContent: null, additionalInfo: '' },
        ],
      };
      const [doc] = reportDocuments(refused, '90000001', server.clock.now);
      expect(doc?.refused).toMatch(/webPageIncident\/url must be a valid URL/);
    });
  });
});
