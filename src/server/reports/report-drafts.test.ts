import { describe, expect, it } from 'vitest';
import { ItemDetail } from '../../api/schemas/decision';
import { Report } from '../../api/schemas/report';
import { appendAuditEvents } from '../audit/audit-chain';
import { readItems } from '../items/item-rows';
import type { TestServer } from '../testing/test-server';
import { serverPerFile } from '../testing/test-server-hooks';
import { NOT_IN_MANIFEST, editable, reportKit } from './testing/report-kit';

/**
 * Report drafts against the server: how confirmed items gather into them, how files move between
 * them, and how they keep in step with decisions.
 */

let server: TestServer;
let kit: ReturnType<typeof reportKit>;
serverPerFile((opened) => {
  server = opened;
  kit = reportKit(server);
});

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

  it('a correction that reclassifies a confirmed item changes its file, and an approved report goes back to draft', async () => {
    const approved = await kit.approvedReport(1);
    const file = approved.files[0];
    const itemId = file?.itemIds[0];
    if (!file || !itemId) throw new Error('fixture');
    const { item, decisions } = ItemDetail.parse(
      (await kit.call('GET', `/api/items/${itemId}`, SASHA)).json,
    );
    const deciders = new Set(decisions.map((d) => d.actor.id));
    const supervisor = ['usr_sasha', 'usr_mira'].find((id) => !deciders.has(id));
    const latest = decisions.at(-1);
    if (!supervisor || !latest) throw new Error('fixture');
    const classification = file.industryClassification === 'A1' ? 'B1' : 'A1';
    const before = await kit.head();
    const corrected = await kit.call('POST', `/api/items/${itemId}/corrections`, supervisor, {
      supersedes: latest.id,
      verdict: { kind: 'confirm', classification, annotations: ['infant'] },
      rationale: 'Reclassified on a second look.',
      itemVersion: item.version,
      idempotencyKey: `reclassify-${itemId}`,
    });
    expect(corrected.status).toBe(200);
    const after = await kit.get(approved.id, ANA);
    expect(after.status).toBe('draft');
    expect(after.files[0]).toMatchObject({
      industryClassification: classification,
      fileAnnotations: ['infant'],
    });
    const updated = (await kit.eventsSince(before.seq)).find(
      (e) => e.action === 'report.updated' && e.subject.id === approved.id,
    );
    expect(updated?.detail).toMatchObject({ reclassifiedItem: itemId, status: 'draft' });
  });

  it('a correction that confirms the item as it was confirmed leaves its approved report as it is', async () => {
    const approved = await kit.approvedReport(1);
    const itemId = approved.files[0]?.itemIds[0];
    if (!itemId) throw new Error('fixture');
    const { item, decisions } = ItemDetail.parse(
      (await kit.call('GET', `/api/items/${itemId}`, SASHA)).json,
    );
    const deciders = new Set(decisions.map((d) => d.actor.id));
    const supervisor = ['usr_sasha', 'usr_mira'].find((id) => !deciders.has(id));
    const latest = decisions.at(-1);
    const confirmed = decisions.findLast((d) => d.verdict.kind === 'confirm')?.verdict;
    if (!supervisor || !latest || confirmed?.kind !== 'confirm') throw new Error('fixture');
    const corrected = await kit.call('POST', `/api/items/${itemId}/corrections`, supervisor, {
      supersedes: latest.id,
      verdict: { ...confirmed, annotations: [...confirmed.annotations].reverse() },
      rationale: 'Checked again: as it was.',
      itemVersion: item.version,
      idempotencyKey: `same-again-${itemId}`,
    });
    expect(corrected.status).toBe(200);
    const after = await kit.get(approved.id, ANA);
    expect(after).toMatchObject({ status: 'approved', version: approved.version });
  });
});
