import { afterEach, describe, expect, it, test } from 'vitest';
import { createDemoNcmec } from '../demo/ncmec/demo-ncmec';
import { memoryNcmecStore } from '../demo/ncmec/demo-ncmec-store';
import type { Engine } from '../db/open-database';
import { filingKit, type FilingKit } from '../testing/filing';
import { openTestServer, postgresSkipReason, type TestServer } from '../testing/test-server';
import type { FilingMoment } from './filing-run';
import { FILING_LEASE_MS, runFilingJobs } from './filing-worker';

let server: TestServer | undefined;

/** PGlite always; PostgreSQL when its lane's variable is set. */
const engines: (readonly [string, Engine])[] = [
  ['PGlite', 'pglite'],
  ...(postgresSkipReason === null ? [['PostgreSQL', 'postgresql'] as const] : []),
];
afterEach(() => server?.close());

/** The server "dies" at `moment` of the step `name`: the run stops there, with its lease held. */
const dieAt =
  (when: FilingMoment, name: string) => (moment: FilingMoment, step: { step: string }) => {
    if (moment === when && step.step === name)
      throw new Error(`the server died at ${moment} of ${name}`);
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

/** Files a report and kills the run at `moment` of `step`; then a later run, once its lease ran out. */
async function killedThenResumed(
  s: TestServer,
  kit: FilingKit,
  moment: FilingMoment,
  step: string,
  files = 1,
) {
  const approved = await kit.approvedReport(files);
  await kit.file(approved);
  await expect(runFilingJobs(s.context, { dieAt: dieAt(moment, step) })).rejects.toThrow(
    `died at ${moment} of ${step}`,
  );
  const held = await jobOf(s, approved.id);
  expect(held).toMatchObject({ state: 'queued', in_flight: { step } });
  // While the dead run's lease lasts, no run takes the job; once it runs out, one does.
  expect(await runFilingJobs(s.context)).toBe(0);
  s.clock.now = new Date(s.clock.now.getTime() + FILING_LEASE_MS + 1);
  expect(await runFilingJobs(s.context)).toBe(1);
  const report = await kit.getReport(approved.id);
  const steps = (await kit.reportEvents(approved.id))
    .filter((e) => e.action === 'report.filing_step')
    .map((e) => [e.detail.step, e.detail.outcome, e.detail.ncmecCode]);
  return { approved, report, steps, job: await jobOf(s, approved.id) };
}

describe('a filing killed mid-way completes after restart and never files twice', () => {
  it.each(engines)(
    'on %s: killed after NCMEC finished the report and before its answer was recorded: the kept answer is recorded, and NCMEC’s own record holds exactly one report, finished once',
    async (_name, engine) => {
      const store = memoryNcmecStore();
      const { server: s, kit } = await open({ ncmecStore: store, engine });
      const { report, steps, job } = await killedThenResumed(s, kit, 'recording', 'finish');
      expect(report.status).toBe('filed');
      expect(report.filing?.steps.at(-1)).toMatchObject({ step: 'finish', state: 'done' });
      expect(report.filed?.ncmecReportId).toBe(s.ncmec.demo.reports()[0]?.reportId);
      expect(job).toMatchObject({ state: 'done', lease_owner: null, in_flight: null });
      expect(kit.ncmecCalls('submit')).toHaveLength(1);
      expect(kit.ncmecCalls('finish', null)).toHaveLength(1);
      expect(steps.slice(-1)).toEqual([['finish', 'done', 0]]);

      // NCMEC's own record, read afresh from its store: one report, finished once.
      const ncmec = createDemoNcmec({ now: () => s.clock.now, faults: () => [], store });
      expect(ncmec.reports()).toEqual([
        expect.objectContaining({ reportId: report.filed?.ncmecReportId, state: 'finished' }),
      ]);
      expect(ncmec.calls.filter((c) => c.endpoint === 'finish')).toHaveLength(1);
    },
    120_000,
  );

  it('killed after NCMEC answered the finish and before the answer was kept: the finish is sent again, NCMEC answers 5102, and the report is filed', async () => {
    const { server: s, kit } = await open();
    const { report, steps } = await killedThenResumed(s, kit, 'answered', 'finish');
    expect(report.status).toBe('filed');
    expect(report.filing?.steps.at(-1)).toMatchObject({ step: 'finish', ncmecCode: 5102 });
    expect(steps.slice(-2)).toEqual([
      ['finish', 'no_answer', null],
      ['finish', 'refused', 5102],
    ]);
    expect(kit.ncmecCalls('finish')).toHaveLength(1);
    expect(s.ncmec.demo.reports()).toEqual([expect.objectContaining({ state: 'finished' })]);
  }, 120_000);

  it('killed after NCMEC answered the submit and before the answer was recorded: the kept report id is recorded, the filing completes, and NCMEC holds one report', async () => {
    const { server: s, kit } = await open();
    const { report, steps } = await killedThenResumed(s, kit, 'recording', 'submit');
    expect(report.status).toBe('filed');
    expect(kit.ncmecCalls('submit', null)).toHaveLength(1);
    expect(s.ncmec.demo.reports()).toEqual([
      expect.objectContaining({ reportId: report.filed?.ncmecReportId, state: 'finished' }),
    ]);
    expect(steps[0]).toEqual(['submit', 'done', 0]);
    // The <report> sent and NCMEC's answer are kept with the report, as for any step.
    const docs = await s.database.db
      .selectFrom('filing_documents')
      .select(['step', 'direction', 'content'])
      .where('report_id', '=', report.id)
      .where('step', '=', 'submit')
      .execute();
    expect(docs.map((d) => [d.step, d.direction])).toEqual([
      ['submit', 'sent'],
      ['submit', 'answer'],
    ]);
    expect(new TextDecoder().decode(docs[0]?.content)).toBe(s.ncmec.demo.reports()[0]?.xml);
  }, 120_000);

  it('killed with the submit in flight, before NCMEC received it: it is submitted again, the filing completes, and NCMEC holds one report', async () => {
    const { server: s, kit } = await open();
    const { report, steps } = await killedThenResumed(s, kit, 'sending', 'submit');
    expect(report.status).toBe('filed');
    expect(steps.slice(0, 2)).toEqual([
      ['submit', 'no_answer', null],
      ['submit', 'done', 0],
    ]);
    expect(kit.ncmecCalls('submit', null)).toHaveLength(1);
    expect(s.ncmec.demo.reports()).toEqual([
      expect.objectContaining({ reportId: report.filed?.ncmecReportId, state: 'finished' }),
    ]);
  }, 120_000);

  it('killed after NCMEC opened the report and before its answer was kept: submitted again and filed once; the report NCMEC opened first is never finished, and lapses', async () => {
    const { server: s, kit } = await open();
    const { report } = await killedThenResumed(s, kit, 'answered', 'submit');
    expect(report.status).toBe('filed');
    const [orphan, filed] = s.ncmec.demo.reports();
    expect(filed).toMatchObject({ reportId: report.filed?.ncmecReportId, state: 'finished' });
    expect(orphan).toMatchObject({ state: 'open', files: [] });
    expect(kit.ncmecCalls('finish', null)).toEqual([
      expect.objectContaining({ reportId: filed?.reportId }),
    ]);
    s.clock.now = new Date(s.clock.now.getTime() + 25 * 3_600_000);
    expect(s.ncmec.demo.reports()[0]).toMatchObject({ state: 'retracted' });
  }, 120_000);

  it('killed with an upload in flight: the file is not uploaded again blindly; the filing stops for a person', async () => {
    const { server: s, kit } = await open();
    const { report } = await killedThenResumed(s, kit, 'answered', 'upload');
    expect(report.filing).toMatchObject({ state: 'failed', error: { ncmecCode: null } });
    expect(report.filing?.error?.message).toMatch(/server stopped .* upload was in flight/);
    expect(kit.ncmecCalls('upload')).toHaveLength(1);
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
