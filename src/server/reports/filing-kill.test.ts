import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ActionabilityField, Report } from '../../api/schemas/report';
import { ReportList } from '../../api/schemas/report-workflow';
import type { OpenDatabase } from '../db/open-database';
import { postgresForTests } from '../db/postgres-for-tests';
import { fileNcmecStore, replay } from '../demo/ncmec/demo-ncmec-store';
import { z } from '../../lib/zod';
import {
  signInTo,
  startServerProcess,
  type ProcessClient,
  type ServerProcess,
} from '../testing/server-process';
import { InFlight } from './filing-jobs';
import { CHILD_PORNOGRAPHY, NOT_IN_MANIFEST, editable } from './testing/report-kit';

/**
 * `kill -9` of the server while a filing's submit is on its way to NCMEC (the demo NCMEC slowed
 * with `ncmec:submit:slow`): once the dead run's lease runs out, the restarted server submits
 * again and files the report, and NCMEC's own record holds exactly one report, finished once.
 */
const postgres = postgresForTests();
const StepDetail = z.object({ step: z.string(), outcome: z.string() });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, read: () => Promise<T | null>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

const readReport = async (client: ProcessClient, origin: string, id: string) =>
  Report.parse(JSON.parse(await (await client.get(origin, `/api/reports/${id}`)).text()));

/** A one-file draft, its gaps explained and submitted by Ana, approved by Sasha: through the API. */
async function approvedReport(origin: string, ana: ProcessClient, sasha: ProcessClient) {
  const list = await ana.get(origin, '/api/reports?status=draft&limit=500');
  const drafts = ReportList.parse(JSON.parse(await list.text())).reports;
  const draft = drafts.find((r) => r.fileCount === 1);
  if (!draft) throw new Error('no one-file draft');
  const report = await readReport(ana, origin, draft.id);
  const notAvailable = [
    ...report.notAvailable,
    ...draft.completeness.blockers.flatMap((b) => {
      const field = ActionabilityField.safeParse(b.id);
      return field.success ? [{ field: field.data, reason: NOT_IN_MANIFEST }] : [];
    }),
  ];
  const fields = {
    ...editable(report),
    incidentSummary: { ...report.incidentSummary, incidentType: CHILD_PORNOGRAPHY },
    notAvailable,
  };
  const saved = await ana.send(origin, 'PUT', `/api/reports/${draft.id}`, {
    version: report.version,
    fields,
  });
  expect(saved.status).toBe(200);
  for (const [client, to] of [
    [ana, 'in_review'],
    [sasha, 'approved'],
  ] as const) {
    const { version } = await readReport(client, origin, draft.id);
    const path = `/api/reports/${draft.id}/transitions`;
    const moved = await client.send(origin, 'POST', path, { version, to, comment: null });
    expect(moved.status, await moved.text()).toBe(200);
  }
  return readReport(sasha, origin, draft.id);
}

async function setFaults(origin: string, faults: string[]) {
  const response = await fetch(`${origin}/__mock/config`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  expect(response.status).toBe(200);
}

describe.skipIf(postgres.skipReason !== null)('a filing killed mid-submit', () => {
  let database: OpenDatabase & { url: string };
  let dataDir: string;
  const servers: ServerProcess[] = [];
  const start = async () => {
    const server = await startServerProcess({
      dataDir,
      databaseUrl: database.url,
      args: ['--items', '100'],
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await postgres.open();
    dataDir = mkdtempSync(join(tmpdir(), 'verity-filing-kill-'));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')));
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  test('kill -9 with the submit in flight: after restart the filing completes, and NCMEC’s record holds exactly one report for it', async () => {
    const first = await start();
    const ana = await signInTo(first.origin, 'usr_ana');
    const sasha = await signInTo(first.origin, 'usr_sasha');
    const approved = await approvedReport(first.origin, ana, sasha);
    await setFaults(first.origin, ['ncmec:submit:slow']);
    const filing = await sasha.send(first.origin, 'POST', `/api/reports/${approved.id}/filing`, {
      version: approved.version,
      action: 'start',
    });
    expect(filing.status).toBe(200);

    // The submit is marked in flight, committed, and on its way to NCMEC: kill -9 now.
    await until(
      'the submit in flight',
      async () => {
        const job = await database.db
          .selectFrom('filing_jobs')
          .select('in_flight')
          .where('report_id', '=', approved.id)
          .executeTakeFirst();
        const inFlight = job?.in_flight ? InFlight.parse(job.in_flight) : null;
        return inFlight?.step === 'submit' ? inFlight : null;
      },
      30_000,
    );
    await first.stop('SIGKILL');
    // The dead run's lease would run out a minute after its last step: the test moves it to now
    // rather than wait (a lease's running out is filing-durability.test.ts's to test).
    await database.db
      .updateTable('filing_jobs')
      .set({ lease_expires_at: new Date() })
      .where('report_id', '=', approved.id)
      .execute();

    const second = await start();
    await setFaults(second.origin, []);
    // The job is free again: the new server takes it and files the report.
    const filed = await until(
      'the report filed',
      async () => {
        const report = await readReport(sasha, second.origin, approved.id);
        expect(report.filing?.state).not.toBe('failed');
        return report.status === 'filed' ? report : null;
      },
      150_000,
    );

    // NCMEC's own record, read from its file: one report, this one, finished once.
    const { calls, reports } = replay(
      fileNcmecStore(join(dataDir, 'ncmec', 'received.jsonl')).load(),
    );
    expect([...reports.values()]).toEqual([
      expect.objectContaining({ reportId: filed.filed?.ncmecReportId, state: 'finished' }),
    ]);
    expect(calls.filter((c) => c.endpoint === 'submit')).toHaveLength(1);
    expect(calls.filter((c) => c.endpoint === 'finish')).toHaveLength(1);
    // The kill landed with the submit in flight: that attempt is on the record, unanswered.
    const steps = await database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('subject_id', '=', approved.id)
      .where('action', '=', 'report.filing_step')
      .orderBy('seq')
      .execute();
    const submits = steps
      .map((e) => StepDetail.parse(e.detail))
      .filter((detail) => detail.step === 'submit');
    expect(submits.map((detail) => detail.outcome)).toEqual(['no_answer', 'done']);
    expect(servers.map((server) => server.stderr())).toEqual(['', '']);
  }, 300_000);
});
