import type { Report } from '../../api/schemas/report';
import type { AuditEvent } from '../../api/schemas/audit';
import { insertDecisions, readDecisions } from '../decisions/decision-rows';
import type { NcmecEndpoint } from '../demo/ncmec/demo-ncmec-store';
import { auditRange } from '../audit/audit-chain';
import { runFilingJobs } from '../reports/filing-worker';
import { reportItemChanged } from '../reports/item-changed';
import { reportKit } from '../reports/testing/report-kit';
import type { TestClient, TestServer } from './test-server';

/** A response read whole: its status, its text, and its JSON when it is JSON. */
export async function read(response: Response) {
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // an XML download
  }
  return { status: response.status, json, text };
}

/**
 * The report workflow through the API (`reportKit`: Ana, an analyst, explains a draft's gaps and
 * submits it, Sasha, a supervisor, approves it), and filing: Sasha files, the jobs run.
 */
export async function filingKit(server: TestServer) {
  const reports = reportKit(server);
  const [ana, sasha] = [await reports.as('usr_ana'), await reports.as('usr_sasha')];
  const listReports = (client: TestClient, query = '') => reports.list(client.user.id, query);
  const getReport = (id: string, client: TestClient = sasha) => reports.get(id, client.user.id);
  const transition = (report: Report, client: TestClient, to: string) =>
    reports.transition(report, client.user.id, to);
  const approvedReport = (files = 1) => reports.approvedReport(files);

  const file = async (
    report: Report,
    action: 'start' | 'resume' | 'retract' = 'start',
    client: TestClient = sasha,
  ) =>
    read(
      await client.send('POST', `/api/reports/${report.id}/filing`, {
        version: report.version,
        action,
      }),
    );

  /** The report once the filing jobs due have run out. */
  async function settled(id: string): Promise<Report> {
    await runFilingJobs(server.context);
    return getReport(id);
  }

  /** The calls the demo NCMEC received at `endpoint`, answered with `code` (any code: null). */
  const ncmecCalls = (endpoint: NcmecEndpoint, code: number | null = 0) =>
    server.ncmec.demo.calls.filter(
      (c) => c.endpoint === endpoint && (code === null || c.responseCode === code),
    );

  /** The audit log's events about one report, in order. */
  async function reportEvents(reportId: string): Promise<AuditEvent[]> {
    const { db } = server.database;
    const head = await db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    return (await auditRange(db, 1, head.seq)).filter(
      (e) => e.subject.type === 'report' && e.subject.id === reportId,
    );
  }

  return {
    ana,
    sasha,
    listReports,
    getReport,
    transition,
    approvedReport,
    file,
    settled,
    ncmecCalls,
    reportEvents,
  };
}

export type FilingKit = Awaited<ReturnType<typeof filingKit>>;

/**
 * Mira, a supervisor who made no decision on the seeded items, dismisses one by correction: her
 * decision is recorded, the item is dismissed, and its reports follow, in one transaction, as a
 * correction does.
 */
export async function dismissByCorrection(server: TestServer, itemId: string) {
  await server.database.db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('items')
      .select('version')
      .where('id', '=', itemId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const latest = (await readDecisions(trx, [itemId])).get(itemId)?.at(-1);
    if (!latest) throw new Error('fixture: a decided item');
    const at = server.clock.now.toISOString();
    await insertDecisions(trx, [
      {
        id: `dec_dismiss_${itemId}`,
        itemId,
        itemVersion: item.version,
        stage: 'supervisor',
        verdict: { kind: 'dismiss', reason: 'non_sexual' },
        supersedes: latest.id,
        note: 'Seen again at full size: not sexual content.',
        actor: { id: 'usr_mira', name: 'Mira Stone', role: 'supervisor' },
        at,
        idempotencyKey: `dismiss-${itemId}`,
      },
    ]);
    await trx
      .updateTable('items')
      .set({ status: 'dismissed', version: item.version + 1 })
      .where('id', '=', itemId)
      .execute();
    await reportItemChanged(trx, itemId, server.clock.now);
  });
}
