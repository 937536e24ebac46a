import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { openTestServer, postgresSkipReason, type TestServer } from '../testing/test-server';
import { reportKit } from './testing/report-kit';

/** The report rules' SQL on PostgreSQL 15 too: its sequence, row locks, refusals recorded in their own transaction. */
describe.skipIf(postgresSkipReason !== null)('reports on PostgreSQL', () => {
  let server: TestServer;
  let kit: ReturnType<typeof reportKit>;
  beforeAll(async () => {
    server = await openTestServer({ engine: 'postgresql' });
    kit = reportKit(server);
  }, 180_000);
  afterAll(() => server.close());

  it('drafts a newly confirmed item, refuses and records an editor’s approval, approves another’s', async () => {
    const [item] = await kit.itemIds('pending');
    if (!item) throw new Error('fixture');
    await kit.setItemStatus(item.id, 'confirmed');
    const { reports } = await kit.list('usr_ana', `&itemId=${item.id}`);
    expect(reports).toHaveLength(1);
    const draft = await kit.get(reports[0]?.id ?? '', 'usr_sasha');
    const explained = Report.parse((await kit.explainGaps(draft, 'usr_sasha')).json);
    const submitted = await kit.transition(explained, 'usr_ana', 'in_review');
    const before = (await kit.head()).seq;
    const refused = await kit.call('POST', `/api/reports/${draft.id}/transitions`, 'usr_sasha', {
      version: submitted.version,
      to: 'approved',
      comment: null,
    });
    expect(refused.status).toBe(403);
    expect((await kit.eventsSince(before)).map((e) => e.action)).toEqual([
      'report.approval_refused',
    ]);
    expect((await kit.transition(submitted, 'usr_mira', 'approved')).status).toBe('approved');
    // Undone, the item leaves the approved report, which goes back to draft.
    await kit.setItemStatus(item.id, 'awaiting_second_review');
    const after = await kit.get(draft.id, 'usr_ana');
    expect(after.status).toBe('draft');
    expect(after.files.flatMap((f) => f.itemIds)).not.toContain(item.id);
  });
});
