import { afterEach, describe, expect, it, test } from 'vitest';
import { createDemoNcmec } from '../demo/ncmec/demo-ncmec';
import { memoryNcmecStore } from '../demo/ncmec/demo-ncmec-store';
import type { Engine } from '../db/open-database';
import { filingKit, type FilingKit } from '../testing/filing';
import { openTestServer, postgresSkipReason, type TestServer } from '../testing/test-server';
import { FILING_LEASE_MS, runFilingJobs } from './filing-worker';

let server: TestServer | undefined;

/** PGlite always; PostgreSQL when its lane's variable is set. */
const engines: (readonly [string, Engine])[] = [
  ['PGlite', 'pglite'],
  ...(postgresSkipReason === null ? [['PostgreSQL', 'postgresql'] as const] : []),
];
afterEach(() => server?.close());

/** The server "dies" in the transaction recording this step's answer: after NCMEC answered. */
const crashAt = (name: string) => (step: { step: string }) => {
  if (step.step === name) throw new Error(`the server died recording ${name}`);
};

async function open(options: Parameters<typeof openTestServer>[0] = {}) {
  server = await openTestServer(options);
  return { server, kit: await filingKit(server) };
}

async function jobOf(s: TestServer, reportId: string) {
  return s.database.db
    .selectFrom('filing_jobs')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}

describe('a filing killed mid-way resumes after restart and never files twice', () => {
  it.each(engines)(
    'on %s: killed after NCMEC finished the report, a later run sends the finish again, NCMEC answers 5102, and the report is filed; NCMEC’s own record holds exactly one report',
    async (_name, engine) => {
      const store = memoryNcmecStore();
      const { server: s, kit } = await open({ ncmecStore: store, engine });
      const approved = await kit.approvedReport(2);
      await kit.file(approved);
      await expect(runFilingJobs(s.context, { beforeCommit: crashAt('finish') })).rejects.toThrow(
        /died recording finish/,
      );
      // The finish's record rolled back: the server still thinks it is running, NCMEC has it.
      const before = await kit.getReport(approved.id);
      expect(before.status).toBe('filing');
      expect(before.filing?.steps.at(-1)).toMatchObject({ step: 'finish', state: 'pending' });
      expect(s.ncmec.demo.reports()).toEqual([expect.objectContaining({ state: 'finished' })]);
      const held = await jobOf(s, approved.id);
      expect(held).toMatchObject({ state: 'queued', in_flight: { step: 'finish' } });
      expect(held.lease_owner).not.toBeNull();

      // While the dead run's lease lasts, no run takes the job; once it runs out, one does.
      expect(await runFilingJobs(s.context)).toBe(0);
      s.clock.now = new Date(s.clock.now.getTime() + FILING_LEASE_MS + 1);
      expect(await runFilingJobs(s.context)).toBe(1);
      const report = await kit.getReport(approved.id);
      expect(report.status).toBe('filed');
      expect(report.filing?.steps.at(-1)).toMatchObject({
        step: 'finish',
        state: 'done',
        ncmecCode: 5102,
      });
      expect(report.filed?.ncmecReportId).toBe(s.ncmec.demo.reports()[0]?.reportId);
      expect(await jobOf(s, approved.id)).toMatchObject({ state: 'done', lease_owner: null });
      expect(kit.ncmecCalls('submit')).toHaveLength(1);
      expect(kit.ncmecCalls('finish')).toHaveLength(1);
      // The attempt whose answer died with the server is on the record, unanswered.
      const steps = (await kit.reportEvents(approved.id))
        .filter((e) => e.action === 'report.filing_step')
        .map((e) => [e.detail.step, e.detail.outcome, e.detail.ncmecCode]);
      expect(steps.slice(-2)).toEqual([
        ['finish', 'no_answer', null],
        ['finish', 'refused', 5102],
      ]);

      // NCMEC's own record, read afresh from its store: one report, finished once.
      const ncmec = createDemoNcmec({ now: () => s.clock.now, faults: () => [], store });
      expect(ncmec.reports()).toEqual([
        expect.objectContaining({ reportId: report.filed?.ncmecReportId, state: 'finished' }),
      ]);
      expect(
        ncmec.calls.filter((c) => c.endpoint === 'finish' && c.responseCode === 0),
      ).toHaveLength(1);
    },
    120_000,
  );

  it('killed after NCMEC received the submit: a later run does not submit again blindly; the filing stops for a person, and NCMEC holds one report', async () => {
    const { server: s, kit } = await open();
    const approved = await kit.approvedReport();
    await kit.file(approved);
    await expect(runFilingJobs(s.context, { beforeCommit: crashAt('submit') })).rejects.toThrow(
      /died recording submit/,
    );
    s.clock.now = new Date(s.clock.now.getTime() + FILING_LEASE_MS + 1);
    expect(await runFilingJobs(s.context)).toBe(1);
    const report = await kit.getReport(approved.id);
    expect(report.filing).toMatchObject({ state: 'failed', error: { ncmecCode: null } });
    expect(report.filing?.error?.message).toMatch(/server stopped .* submit was in flight/);
    expect(s.ncmec.demo.reports()).toHaveLength(1);
    expect(kit.ncmecCalls('submit')).toHaveLength(1);
    // The <report> it had sent is kept with the unanswered attempt.
    const docs = await s.database.db
      .selectFrom('filing_documents')
      .select(['step', 'direction', 'content'])
      .where('report_id', '=', approved.id)
      .execute();
    expect(docs.map((d) => [d.step, d.direction])).toEqual([['submit', 'sent']]);
    expect(new TextDecoder().decode(docs[0]?.content)).toBe(s.ncmec.demo.reports()[0]?.xml);
  }, 120_000);
});

async function twoRunsAtOnce(kit: FilingKit, s: TestServer) {
  const approved = await kit.approvedReport();
  await kit.file(approved);
  const ran = await Promise.all([runFilingJobs(s.context), runFilingJobs(s.context)]);
  expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
  expect((await kit.getReport(approved.id)).status).toBe('filed');
  expect(kit.ncmecCalls('submit')).toHaveLength(1);
  expect(kit.ncmecCalls('finish')).toHaveLength(1);
}

test('two runs at once: one takes the job (SKIP LOCKED), the report is filed once', async () => {
  const { server: s, kit } = await open();
  await twoRunsAtOnce(kit, s);
}, 120_000);

test.skipIf(postgresSkipReason !== null)(
  'two runs at once on PostgreSQL: one takes the job, the report is filed once',
  async () => {
    const { server: s, kit } = await open({ engine: 'postgresql' });
    await twoRunsAtOnce(kit, s);
  },
  120_000,
);
