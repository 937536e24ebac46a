import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { SupplierReasons } from '../../api/schemas/report-workflow';
import { appendAuditEvents } from '../audit/audit-chain';
import { readItems } from '../items/item-rows';
import { openTestServer, type TestServer } from '../testing/test-server';
import { NOT_IN_MANIFEST, editable, reportKit } from './testing/report-kit';

let server: TestServer;
let kit: ReturnType<typeof reportKit>;
beforeEach(async () => {
  server = await openTestServer();
  kit = reportKit(server);
}, 120_000);
afterEach(() => server.close());

const ANA = 'usr_ana';
const SASHA = 'usr_sasha';
const items = (ids: string[]) => readItems(server.database.db, ids);
const confirmedIds = async () => (await kit.itemIds('confirmed')).map((i) => i.id);

describe('report drafts', () => {
  it('gathers every confirmed item into one draft per incident, one file per SHA-256', async () => {
    const { reports, total } = await kit.list(ANA);
    const confirmed = await confirmedIds();
    expect(total).toBeGreaterThan(0);
    expect(reports.reduce((n, r) => n + r.itemCount, 0)).toBe(confirmed.length);
    const report = await kit.get(reports[0]?.id ?? '', ANA);
    for (const file of report.files) {
      const held = await items(file.itemIds);
      expect(held.every((i) => i.media.sha256 === file.sha256)).toBe(true);
      expect(held.every((i) => i.provenance.supplier.id === report.incident.supplier.id)).toBe(
        true,
      );
    }
    // The incident type is a person’s choice: the draft leaves it for the checklist to ask.
    expect(report.incidentSummary.incidentType).toBeNull();
  });

  it('finds the report that holds an item', async () => {
    const [item] = await confirmedIds();
    const { reports } = await kit.list(ANA, `&itemId=${item ?? ''}`);
    expect(reports).toHaveLength(1);
    const report = await kit.get(reports[0]?.id ?? '', ANA);
    expect(report.files.some((f) => f.itemIds.includes(item ?? ''))).toBe(true);
  });

  it('lists the least complete first, each with what blocks it', async () => {
    const { reports } = await kit.list(SASHA);
    const counts = reports.map((r) => r.completeness.blockers.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('a file viewed by nobody is not viewed; the whole file served to a person proves it', async () => {
    const { reports } = await kit.list(ANA);
    const summary = reports.find((r) => r.status === 'draft');
    const before = await kit.get(summary?.id ?? '', ANA);
    const file = before.files[0];
    const itemId = file?.itemIds[0];
    if (!file || !itemId) throw new Error('fixture');
    expect(file.fileViewedByEsp).toEqual({
      viewed: false,
      evidence: null,
      sentAt: null,
      viewedAfterFiling: null,
    });
    const ana = (await kit.as(ANA)).user;
    const actor = { id: ana.id, name: ana.name, role: ana.role };
    const served = (wholeFile: boolean) =>
      server.database.db.transaction().execute((trx) =>
        appendAuditEvents(trx, [
          {
            at: server.clock.now.toISOString(),
            actor,
            action: 'media.served',
            subject: { type: 'item', id: itemId },
            detail: { revealId: 'rvl_test', wholeFile },
          },
        ]),
      );
    // A serving of less than the whole file (a crop, a frame) does not count.
    await served(false);
    expect((await kit.get(before.id, ANA)).files[0]?.fileViewedByEsp.viewed).toBe(false);
    await served(true);
    const after = await kit.get(before.id, ANA);
    expect(after.files[0]?.fileViewedByEsp).toMatchObject({
      viewed: true,
      evidence: { actor: { id: 'usr_ana' }, itemId },
    });
  });
});

describe('review and approval', () => {
  it('whoever edited a draft cannot approve it; another supervisor can, once nothing blocks', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const id = reports[0]?.id ?? '';
    let report = await kit.get(id, SASHA);
    const edited = await kit.call('PUT', `/api/reports/${id}`, SASHA, {
      version: report.version,
      fields: { ...editable(report), additionalInfo: 'Edited by Sasha.' },
    });
    expect(edited.status).toBe(200);
    report = Report.parse(edited.json);
    expect(report.draftEditors.map((a) => a.id)).toEqual(['usr_sasha']);
    report = await kit.transition(report, ANA, 'in_review');
    const refused = await kit.call('POST', `/api/reports/${id}/transitions`, SASHA, {
      version: report.version,
      to: 'approved',
      comment: null,
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toContain('four eyes');
  });

  it('refuses approval while an actionability field is missing without a reason; once the reviewer explains it, another supervisor approves and becomes the reporter', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const summary = reports.find((r) => r.completeness.blockers.length > 0);
    if (!summary) throw new Error('every draft is complete');
    let report = await kit.get(summary.id, ANA);
    report = await kit.transition(report, ANA, 'in_review');
    const refused = await kit.call('POST', `/api/reports/${report.id}/transitions`, SASHA, {
      version: report.version,
      to: 'approved',
      comment: null,
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toContain('Not complete');
    // The reviewing supervisor explains the gaps: an amendment, which makes her an editor.
    const amended = Report.parse((await kit.explainGaps(report, SASHA)).json);
    expect(amended.amendedBy.map((a) => a.id)).toEqual(['usr_sasha']);
    const approved = await kit.call('POST', `/api/reports/${report.id}/transitions`, 'usr_mira', {
      version: amended.version,
      to: 'approved',
      comment: null,
    });
    expect(approved.status).toBe(200);
    expect(Report.parse(approved.json)).toMatchObject({
      status: 'approved',
      reporter: { userId: 'usr_mira', email: 'mira.stone@verity.test' },
    });
    const reasons = SupplierReasons.parse(
      (
        await kit.call(
          'GET',
          `/api/suppliers/${report.incident.supplier.id}/not-available-reasons`,
          ANA,
        )
      ).json,
    );
    expect(reasons.reasons[0]?.reason).toBe(NOT_IN_MANIFEST);
  });

  it('a rejection needs a comment and sends the report back for editing', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const report = await kit.transition(await kit.get(reports[0]?.id ?? '', ANA), ANA, 'in_review');
    const reject = (comment: string | null) =>
      kit.call('POST', `/api/reports/${report.id}/transitions`, SASHA, {
        version: report.version,
        to: 'rejected',
        comment,
      });
    expect((await reject(null)).status).toBe(400);
    const rejected = Report.parse((await reject('Add the page URL from the manifest.')).json);
    expect(rejected).toMatchObject({
      status: 'rejected',
      review: { outcome: 'rejected', comment: 'Add the page URL from the manifest.' },
    });
  });

  it('refuses a stale version, auditors’ edits, and supplemental reports of unfiled ones', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const report = await kit.get(reports[0]?.id ?? '', ANA);
    const fields = editable(report);
    const put = (userId: string, version: number) =>
      kit.call('PUT', `/api/reports/${report.id}`, userId, { version, fields });
    expect((await put(ANA, report.version + 5)).status).toBe(409);
    expect((await put('usr_alex', report.version)).status).toBe(403);
    expect((await kit.call('POST', `/api/reports/${report.id}/supplemental`, ANA)).status).toBe(
      409,
    );
  });
});

describe('moving files', () => {
  it('a moved file keeps what people edited on it; a new draft takes its fields from the file’s items', async () => {
    let from = await kit.get(await kit.draftWithTwoFiles(), ANA);
    const fields = editable(from);
    const [first] = fields.files;
    if (!first) throw new Error('fixture');
    fields.files[0] = { ...first, originalFileName: 'edited.jpg', industryClassification: 'B2' };
    from = Report.parse(
      (await kit.call('PUT', `/api/reports/${from.id}`, ANA, { version: from.version, fields }))
        .json,
    );
    const moved = await kit.call('POST', `/api/reports/${from.id}/moves`, ANA, {
      version: from.version,
      sha256: first.sha256,
      to: null,
    });
    const { to } = moved.json as { to: Report };
    expect(to.files[0]).toMatchObject({
      originalFileName: 'edited.jpg',
      industryClassification: 'B2',
    });
    expect(to.draftEditors.map((a) => a.id)).toEqual(['usr_ana']);
    const pages = new Set(
      (await items(to.files[0]?.itemIds ?? [])).map((i) => i.provenance.origin.pageUrl),
    );
    expect(to.webPages.every((p) => pages.has(p.url))).toBe(true);
  });

  it('moves a file to a new draft, and back into the first', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const summary = reports.find((r) => r.fileCount >= 2) ?? reports[0];
    const from = await kit.get(summary?.id ?? '', ANA);
    const sha256 = from.files[0]?.sha256 ?? '';
    const moved = await kit.call('POST', `/api/reports/${from.id}/moves`, ANA, {
      version: from.version,
      sha256,
      to: null,
    });
    expect(moved.status).toBe(200);
    const { from: after, to } = moved.json as { from: Report; to: Report };
    expect(after.files.map((f) => f.sha256)).not.toContain(sha256);
    expect(to.files.map((f) => f.sha256)).toEqual([sha256]);
    expect(to.incident).toEqual(from.incident);
    const back = await kit.call('POST', `/api/reports/${to.id}/moves`, ANA, {
      version: to.version,
      sha256,
      to: from.id,
    });
    expect((back.json as { to: Report }).to.files.map((f) => f.sha256)).toContain(sha256);
  });
});

describe('not-available reasons', () => {
  it('a reason is kept only while its field is missing', async () => {
    const { reports } = await kit.list(ANA, '&status=draft');
    const report = await kit.get(
      reports.find((r) => r.completeness.blockers.every((b) => b.id !== 'web_page_url'))?.id ?? '',
      ANA,
    );
    const saved = Report.parse(
      (
        await kit.call('PUT', `/api/reports/${report.id}`, ANA, {
          version: report.version,
          fields: {
            ...editable(report),
            notAvailable: [{ field: 'web_page_url', reason: NOT_IN_MANIFEST }],
          },
        })
      ).json,
    );
    expect(saved.notAvailable).toEqual([]);
  });
});

describe('keeping drafts in step with decisions', () => {
  it('a newly confirmed item joins its incident’s open draft; undone, it leaves', async () => {
    const [item] = await kit.itemIds('pending');
    if (!item) throw new Error('fixture');
    await kit.setItemStatus(item.id, 'confirmed');
    const holding = async () =>
      (await kit.allStored()).filter((r) => r.files.some((f) => f.itemIds.includes(item.id)));
    expect(await holding()).toHaveLength(1);
    expect((await holding())[0]?.status).toBe('draft');
    await kit.setItemStatus(item.id, 'awaiting_second_review');
    expect(await holding()).toHaveLength(0);
  });
});
