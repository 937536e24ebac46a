import { describe, expect, it } from 'vitest';
import { signInForTest, testBackend } from '../../test/mock-server';
import { approvedReport, call, getReport, listReports } from '../../test/reports';
import { incidentKey } from '../../server/reports/draft-fields';

const head = () => testBackend.state.audit.head;

describe('reading reports writes nothing', () => {
  it('the seeded drafts and their report.created events exist before anyone reads a report', () => {
    const { audit, reports } = testBackend.state;
    const created = audit
      .range(1, audit.size)
      .filter((e) => e.action === 'report.created')
      .map((e) => e.subject.id);
    expect(created.length).toBeGreaterThan(0);
    expect(created.toSorted()).toEqual(
      reports
        .list()
        .map((r) => r.id)
        .toSorted(),
    );
    // Part of the seeded history: before any session, each when its incident's items were confirmed.
    const events = audit.range(1, audit.size);
    expect(events.some((e) => e.action === 'session.started')).toBe(false);
    const times = events.map((e) => e.at);
    expect(times).toEqual(times.toSorted());
  });

  it('the audit log’s head is the same after every read endpoint of reports', async () => {
    const ana = signInForTest('usr_ana').cookie;
    const before = head();
    const { reports } = await listReports(ana);
    const [first] = reports;
    if (!first) throw new Error('no report');
    const report = await getReport(first.id, ana);
    await call('GET', `/api/reports/${report.id}/report.xml`, ana);
    await call(
      'GET',
      `/api/reports/${report.id}/files/${report.files[0]?.sha256 ?? ''}/file-details.xml`,
      ana,
    );
    await call('GET', `/api/suppliers/${report.incident.supplier.id}/not-available-reasons`, ana);
    expect(head()).toEqual(before);
  });

  it('nor does reading an approved report and its XML', async () => {
    const approved = await approvedReport();
    const sasha = signInForTest('usr_sasha').cookie;
    const before = head();
    expect((await call('GET', `/api/reports/${approved.id}/report.xml`, sasha)).status).toBe(200);
    await listReports(sasha, '&status=approved');
    await getReport(approved.id, sasha);
    expect(head()).toEqual(before);
  });

  it('a newly confirmed item of a new incident gets its draft, and its report.created, then', () => {
    const drafted = new Set(testBackend.state.reports.list().map((r) => r.incidentKey));
    const item = testBackend.state.items.find(
      (i) => i.status === 'pending' && !drafted.has(incidentKey(i)),
    );
    if (!item) throw new Error('fixture');
    const before = head().seq;
    item.status = 'confirmed';
    testBackend.state.reports.itemChanged(item, new Date());
    const [created, ...others] = testBackend.state.reports
      .list()
      .filter((r) => r.files.some((f) => f.itemIds.includes(item.id)));
    expect(others).toEqual([]);
    const appended = testBackend.state.audit.range(before + 1, head().seq - before);
    expect(appended.map((e) => [e.action, e.subject.id])).toEqual([
      ['report.created', created?.id],
    ]);
  });
});
