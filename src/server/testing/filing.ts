import { ActionabilityField, Report } from '../../api/schemas/report';
import { ReportList } from '../../api/schemas/report-workflow';
import type { AuditEvent } from '../../api/schemas/audit';
import { insertDecisions, readDecisions } from '../decisions/decision-rows';
import type { NcmecEndpoint } from '../demo/ncmec/demo-ncmec-store';
import { auditRange } from '../audit/audit-chain';
import { runFilingJobs } from '../reports/filing-worker';
import { reportItemChanged } from '../reports/item-changed';
import type { TestClient, TestServer } from './test-server';

export const NOT_IN_MANIFEST = 'The supplier’s manifest does not carry this field.';
export const CHILD_PORNOGRAPHY = 'Child Pornography (possession, manufacture, and distribution)';

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
 * The report workflow through the API, as the console drives it, for the filing tests: Ana (an
 * analyst) explains a draft's gaps and submits it, Sasha (a supervisor) approves and files it.
 */
export async function filingKit(server: TestServer) {
  const [ana, sasha] = [await server.signIn('usr_ana'), await server.signIn('usr_sasha')];
  const listReports = async (client: TestClient, query = '') =>
    ReportList.parse((await read(await client.get(`/api/reports?limit=500${query}`))).json);
  const getReport = async (id: string, client: TestClient = sasha) =>
    Report.parse((await read(await client.get(`/api/reports/${id}`))).json);
  const transition = async (report: Report, client: TestClient, to: string) =>
    Report.parse(
      (
        await read(
          await client.send('POST', `/api/reports/${report.id}/transitions`, {
            version: report.version,
            to,
            comment: null,
          }),
        )
      ).json,
    );

  /** Chooses the incident type and marks every blocking actionability entry not available. */
  async function explainGaps(report: Report) {
    const { reports } = await listReports(ana);
    const blockers = reports.find((r) => r.id === report.id)?.completeness.blockers ?? [];
    const notAvailable = [
      ...report.notAvailable,
      ...blockers.flatMap((b) => {
        const field = ActionabilityField.safeParse(b.id);
        return field.success ? [{ field: field.data, reason: NOT_IN_MANIFEST }] : [];
      }),
    ];
    const { incidentSummary, webPages, reportedPerson, additionalInfo, files } = report;
    const response = await ana.send('PUT', `/api/reports/${report.id}`, {
      version: report.version,
      fields: {
        incidentSummary: {
          ...incidentSummary,
          incidentType: incidentSummary.incidentType ?? CHILD_PORNOGRAPHY,
        },
        webPages,
        reportedPerson,
        additionalInfo,
        excludedFromTraining: report.excludedFromTraining,
        files,
        notAvailable,
      },
    });
    return Report.parse((await read(response)).json);
  }

  /**
   * Gives a one-file draft `files` files: pending items take the provenance of the draft's item
   * (same incident, same uploader) and are confirmed, joining it as newly confirmed items do.
   */
  async function withFiles(id: string, files: number) {
    const { db } = server.database;
    for (;;) {
      const draft = await getReport(id, ana);
      if (draft.files.length >= files) return id;
      const held = draft.files[0]?.itemIds[0] ?? '';
      const shas = draft.files.map((f) => f.sha256);
      await db.transaction().execute(async (trx) => {
        const item = await trx
          .selectFrom('items')
          .select('id')
          .where('status', '=', 'pending')
          .where('sha256', 'not in', shas)
          .orderBy('id')
          .executeTakeFirstOrThrow();
        const source = await trx
          .selectFrom('provenance')
          .selectAll()
          .where('item_id', '=', held)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('provenance')
          .set({
            supplier_id: source.supplier_id,
            dataset_id: source.dataset_id,
            batch_id: source.batch_id,
            crawled_at: source.crawled_at,
            supplier: JSON.stringify(source.supplier),
            dataset: source.dataset === null ? null : JSON.stringify(source.dataset),
            acquisition: JSON.stringify(source.acquisition),
            origin: JSON.stringify(source.origin),
            custody: JSON.stringify(source.custody),
          })
          .where('item_id', '=', item.id)
          .execute();
        await trx
          .updateTable('items')
          .set({ status: 'confirmed' })
          .where('id', '=', item.id)
          .execute();
        await reportItemChanged(trx, item.id, server.clock.now);
      });
    }
  }

  /** A draft of `files` files, its gaps explained and submitted by Ana, approved by Sasha. */
  async function approvedReport(files = 1): Promise<Report> {
    const { reports } = await listReports(ana, '&status=draft');
    const exact = reports.find((r) => r.fileCount === files);
    const id =
      exact?.id ?? (await withFiles(reports.find((r) => r.fileCount === 1)?.id ?? '', files));
    const explained = await explainGaps(await getReport(id, ana));
    return transition(await transition(explained, ana, 'in_review'), sasha, 'approved');
  }

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
