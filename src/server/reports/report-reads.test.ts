import { describe, expect, it } from 'vitest';
import { auditRange } from '../audit/audit-chain';
import { readItems } from '../items/item-rows';
import type { TestServer } from '../testing/test-server';
import { serverPerFile } from '../testing/test-server-hooks';
import { incidentKey } from './draft-fields';
import { reportKit } from './testing/report-kit';

let server: TestServer;
let kit: ReturnType<typeof reportKit>;
serverPerFile((opened) => {
  server = opened;
  kit = reportKit(server);
});

const ANA = 'usr_ana';

describe('reading reports writes nothing', () => {
  it('the seeded drafts and their report.created events exist before anyone reads a report', async () => {
    const head = await kit.head();
    const events = await auditRange(server.database.db, 1, head.seq);
    const created = events.filter((e) => e.action === 'report.created').map((e) => e.subject.id);
    expect(created.length).toBeGreaterThan(0);
    expect(created.toSorted()).toEqual((await kit.allStored()).map((r) => r.id).toSorted());
    // Part of the seeded history: before any session, each when its incident's items were confirmed.
    expect(events.some((e) => e.action === 'session.started')).toBe(false);
    const times = events.map((e) => e.at);
    expect(times).toEqual(times.toSorted());
  });

  it('the audit log’s head is the same after every read endpoint of reports', async () => {
    await kit.as(ANA);
    const before = await kit.head();
    const { reports } = await kit.list(ANA);
    const [first] = reports;
    if (!first) throw new Error('no report');
    const report = await kit.get(first.id, ANA);
    await kit.call('GET', `/api/reports/${report.id}/report.xml`, ANA);
    await kit.call(
      'GET',
      `/api/reports/${report.id}/files/${report.files[0]?.sha256 ?? ''}/file-details.xml`,
      ANA,
    );
    await kit.call(
      'GET',
      `/api/suppliers/${report.incident.supplier.id}/not-available-reasons`,
      ANA,
    );
    expect(await kit.head()).toEqual(before);
  });

  it('nor does reading an approved report and its XML', async () => {
    const approved = await kit.approvedReport();
    const before = await kit.head();
    expect(
      (await kit.call('GET', `/api/reports/${approved.id}/report.xml`, 'usr_sasha')).status,
    ).toBe(200);
    await kit.list('usr_sasha', '&status=approved');
    await kit.get(approved.id, 'usr_sasha');
    expect(await kit.head()).toEqual(before);
  });

  it('a newly confirmed item of a new incident gets its draft, and its report.created, then', async () => {
    const drafted = new Set((await kit.allStored()).map((r) => r.incidentKey));
    const pending = await readItems(
      server.database.db,
      (await kit.itemIds('pending')).map((i) => i.id),
    );
    const item = pending.find((i) => !drafted.has(incidentKey(i)));
    if (!item) throw new Error('fixture');
    const before = (await kit.head()).seq;
    await kit.setItemStatus(item.id, 'confirmed');
    const [created, ...others] = (await kit.allStored()).filter((r) =>
      r.files.some((f) => f.itemIds.includes(item.id)),
    );
    expect(others).toEqual([]);
    const appended = await kit.eventsSince(before);
    expect(appended.map((e) => [e.action, e.subject.id])).toEqual([
      ['report.created', created?.id],
    ]);
  });
});
