import { describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { SupplierReasons } from '../../api/schemas/report-workflow';
import { signInForTest, testBackend } from '../../test/mock-server';
import {
  NOT_IN_MANIFEST,
  call,
  draftWithTwoFiles,
  editable,
  explainGaps,
  getReport,
  listReports,
  transition,
} from '../../test/reports';
import { redeemReveal, startReveal } from '../backend/reveals';

const ana = () => signInForTest('usr_ana');
const sasha = () => signInForTest('usr_sasha');
const list = listReports;
const get = getReport;

describe('report drafts', () => {
  it('gathers every confirmed item into one draft per incident, one file per SHA-256', async () => {
    const { reports, total } = await list(ana().cookie);
    const confirmed = testBackend.state.items.filter((i) => i.status === 'confirmed');
    expect(total).toBeGreaterThan(0);
    expect(reports.reduce((n, r) => n + r.itemCount, 0)).toBe(confirmed.length);
    const report = await get(reports[0]?.id ?? '', ana().cookie);
    for (const file of report.files) {
      const items = file.itemIds.map((id) => testBackend.state.itemsById.get(id));
      expect(items.every((i) => i?.media.sha256 === file.sha256)).toBe(true);
      expect(items.every((i) => i?.provenance.supplier.id === report.incident.supplier.id)).toBe(
        true,
      );
    }
    // The incident type is a person’s choice: the draft leaves it for the checklist to ask.
    expect(report.incidentSummary.incidentType).toBeNull();
  });

  it('finds the report that holds an item', async () => {
    const item = testBackend.state.items.find((i) => i.status === 'confirmed');
    const { reports } = await list(ana().cookie, `&itemId=${item?.id ?? ''}`);
    expect(reports).toHaveLength(1);
    const report = await get(reports[0]?.id ?? '', ana().cookie);
    expect(report.files.some((f) => f.itemIds.includes(item?.id ?? ''))).toBe(true);
  });

  it('lists the least complete first, each with what blocks it', async () => {
    const { reports } = await list(sasha().cookie);
    const counts = reports.map((r) => r.completeness.blockers.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('a file viewed by nobody is not viewed; the whole file served to a person after a reveal proves it', async () => {
    const { reports } = await list(ana().cookie);
    const summary = reports.find((r) => r.status === 'draft');
    const before = await get(summary?.id ?? '', ana().cookie);
    const file = before.files[0];
    const item = testBackend.state.itemsById.get(file?.itemIds[0] ?? '');
    if (!file || !item) throw new Error('fixture');
    expect(file.fileViewedByEsp).toEqual({
      viewed: false,
      evidence: null,
      sentAt: null,
      viewedAfterFiling: null,
    });
    item.preview = { mode: 'blurred', blurredUrl: `/api/items/${item.id}/preview` };
    item.media.kind = 'image';
    const reveal = startReveal(testBackend.state, item, ana().user, new Date());
    expect((await get(before.id, ana().cookie)).files[0]?.fileViewedByEsp.viewed).toBe(false);
    redeemReveal(testBackend.state, reveal?.token ?? '', ana().user, new Date());
    const after = await get(before.id, ana().cookie);
    expect(after.files[0]?.fileViewedByEsp).toMatchObject({
      viewed: true,
      evidence: { actor: { id: 'usr_ana' }, itemId: item.id },
    });
  });
});

describe('review and approval', () => {
  it('whoever edited a draft cannot approve it; another supervisor can, once nothing blocks', async () => {
    const { reports } = await list(ana().cookie, '&status=draft');
    const id = reports[0]?.id ?? '';
    const sasha1 = sasha();
    // Sasha edits the draft: she may not approve it.
    let report = await get(id, sasha1.cookie);
    const edited = await call('PUT', `/api/reports/${id}`, sasha1.cookie, {
      version: report.version,
      fields: { ...editable(report), additionalInfo: 'Edited by Sasha.' },
    });
    expect(edited.status).toBe(200);
    report = Report.parse(edited.json);
    expect(report.draftEditors.map((a) => a.id)).toEqual(['usr_sasha']);
    report = Report.parse(
      (
        await call('POST', `/api/reports/${id}/transitions`, ana().cookie, {
          version: report.version,
          to: 'in_review',
          comment: null,
        })
      ).json,
    );
    const refused = await call('POST', `/api/reports/${id}/transitions`, sasha1.cookie, {
      version: report.version,
      to: 'approved',
      comment: null,
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toContain('four eyes');
  });

  it('refuses approval while an actionability field is missing without a reason; once the reviewer explains it, another supervisor approves and becomes the reporter', async () => {
    const { reports } = await list(ana().cookie, '&status=draft');
    const summary = reports.find((r) => r.completeness.blockers.length > 0);
    if (!summary) throw new Error('every draft is complete');
    let report = await get(summary.id, ana().cookie);
    report = await transition(report, ana().cookie, 'in_review');
    const refused = await call('POST', `/api/reports/${report.id}/transitions`, sasha().cookie, {
      version: report.version,
      to: 'approved',
      comment: null,
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toContain('Not complete');
    // The reviewing supervisor explains the gaps: an amendment, which makes her an editor.
    const amended = Report.parse((await explainGaps(report, sasha().cookie)).json);
    expect(amended.amendedBy.map((a) => a.id)).toEqual(['usr_sasha']);
    const mira = signInForTest('usr_mira').cookie;
    const approved = await call('POST', `/api/reports/${report.id}/transitions`, mira, {
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
        await call(
          'GET',
          `/api/suppliers/${report.incident.supplier.id}/not-available-reasons`,
          ana().cookie,
        )
      ).json,
    );
    expect(reasons.reasons[0]?.reason).toBe(NOT_IN_MANIFEST);
  });

  it('a rejection needs a comment and sends the report back for editing', async () => {
    const { reports } = await list(ana().cookie, '&status=draft');
    const report = await transition(
      await get(reports[0]?.id ?? '', ana().cookie),
      ana().cookie,
      'in_review',
    );
    const reject = (comment: string | null) =>
      call('POST', `/api/reports/${report.id}/transitions`, sasha().cookie, {
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
    const { reports } = await list(ana().cookie, '&status=draft');
    const report = await get(reports[0]?.id ?? '', ana().cookie);
    const fields = editable(report);
    expect(
      (
        await call('PUT', `/api/reports/${report.id}`, ana().cookie, {
          version: report.version + 5,
          fields,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call('PUT', `/api/reports/${report.id}`, signInForTest('usr_alex').cookie, {
          version: report.version,
          fields,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', `/api/reports/${report.id}/supplemental`, ana().cookie)).status,
    ).toBe(409);
  });
});

describe('moving files', () => {
  it('a moved file keeps what people edited on it; a new draft takes its fields from the file’s items', async () => {
    let from = await get(draftWithTwoFiles(), ana().cookie);
    const fields = editable(from);
    const [first] = fields.files;
    if (!first) throw new Error('fixture');
    fields.files[0] = { ...first, originalFileName: 'edited.jpg', industryClassification: 'B2' };
    from = Report.parse(
      (
        await call('PUT', `/api/reports/${from.id}`, ana().cookie, {
          version: from.version,
          fields,
        })
      ).json,
    );
    const moved = await call('POST', `/api/reports/${from.id}/moves`, ana().cookie, {
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
      to.files[0]?.itemIds.map(
        (id) => testBackend.state.itemsById.get(id)?.provenance.origin.pageUrl,
      ),
    );
    expect(to.webPages.every((p) => pages.has(p.url))).toBe(true);
  });

  it('moves a file to a new draft, and back into the first', async () => {
    const { reports } = await list(ana().cookie, '&status=draft');
    const summary = reports.find((r) => r.fileCount >= 2) ?? reports[0];
    const from = await get(summary?.id ?? '', ana().cookie);
    const sha256 = from.files[0]?.sha256 ?? '';
    const moved = await call('POST', `/api/reports/${from.id}/moves`, ana().cookie, {
      version: from.version,
      sha256,
      to: null,
    });
    expect(moved.status).toBe(200);
    const { from: after, to } = moved.json as { from: Report; to: Report };
    expect(after.files.map((f) => f.sha256)).not.toContain(sha256);
    expect(to.files.map((f) => f.sha256)).toEqual([sha256]);
    expect(to.incident).toEqual(from.incident);
    const back = await call('POST', `/api/reports/${to.id}/moves`, ana().cookie, {
      version: to.version,
      sha256,
      to: from.id,
    });
    expect((back.json as { to: Report }).to.files.map((f) => f.sha256)).toContain(sha256);
  });
});

describe('not-available reasons', () => {
  it('a reason is kept only while its field is missing', async () => {
    const { reports } = await list(ana().cookie, '&status=draft');
    const report = await get(
      reports.find((r) => r.completeness.blockers.every((b) => b.id !== 'web_page_url'))?.id ?? '',
      ana().cookie,
    );
    const saved = Report.parse(
      (
        await call('PUT', `/api/reports/${report.id}`, ana().cookie, {
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
  it('a newly confirmed item joins its incident’s open draft; undone, it leaves', () => {
    const item = testBackend.state.items.find((i) => i.status === 'pending');
    if (!item) throw new Error('fixture');
    item.status = 'confirmed';
    testBackend.state.reports.itemChanged(item, new Date());
    const holding = () =>
      testBackend.state.reports
        .list()
        .filter((r) => r.files.some((f) => f.itemIds.includes(item.id)));
    expect(holding()).toHaveLength(1);
    expect(holding()[0]?.status).toBe('draft');
    item.status = 'awaiting_second_review';
    testBackend.state.reports.itemChanged(item, new Date());
    expect(holding()).toHaveLength(0);
  });
});
