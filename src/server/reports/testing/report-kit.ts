import { ActionabilityField, Report, type ReportEditable } from '../../../api/schemas/report';
import { ReportList } from '../../../api/schemas/report-workflow';
import type { Transaction } from 'kysely';
import { preservationDeadline } from '../../../domain/preservation';
import { auditHead, auditRange } from '../../audit/audit-chain';
import type { Database, ItemsTable } from '../../db/tables';
import type { TestClient, TestServer } from '../../testing/test-server';
import { reportItemChanged } from '../item-changed';
import { readReport, readReports, saveReport, type StoredReport } from '../report-rows';

type ItemStatus = ItemsTable['status'];

export const NOT_IN_MANIFEST = 'The supplier’s manifest does not carry this field.';
export const CHILD_PORNOGRAPHY = 'Child Pornography (possession, manufacture, and distribution)';

export function editable(report: Report): ReportEditable {
  const { incidentSummary, webPages, reportedPerson, additionalInfo, files, notAvailable } = report;
  const { excludedFromTraining } = report;
  return {
    incidentSummary,
    webPages,
    reportedPerson,
    additionalInfo,
    excludedFromTraining,
    files,
    notAvailable,
  };
}

/**
 * The report API and the database behind it, as the contract tests use them: signed-in clients
 * (one session per user), calls answered as JSON or text, and the state read or set in the
 * database where the mock's tests reached into its memory.
 */
export function reportKit(server: TestServer) {
  const clients = new Map<string, Promise<TestClient>>();
  const as = (userId: string) => {
    let client = clients.get(userId);
    if (!client) clients.set(userId, (client = server.signIn(userId)));
    return client;
  };
  async function call(method: string, path: string, userId: string | null, body?: unknown) {
    const client = userId === null ? null : await as(userId);
    const response =
      method === 'GET'
        ? client
          ? await client.get(path)
          : await server.call(path)
        : await (client
            ? client.send(method === 'PUT' ? 'PUT' : 'POST', path, body)
            : server.call(path, { method }));
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // an XML download
    }
    return { status: response.status, json, text };
  }
  const list = async (userId: string, query = '') =>
    ReportList.parse((await call('GET', `/api/reports?limit=500${query}`, userId)).json);
  const get = async (id: string, userId: string) =>
    Report.parse((await call('GET', `/api/reports/${id}`, userId)).json);
  const transition = async (
    report: Report,
    userId: string,
    to: string,
    comment: string | null = null,
  ) =>
    Report.parse(
      (
        await call('POST', `/api/reports/${report.id}/transitions`, userId, {
          version: report.version,
          to,
          comment,
        })
      ).json,
    );

  /** Chooses the incident type and marks every blocking actionability entry not available. */
  async function explainGaps(report: Report, userId: string) {
    const { reports } = await list(userId);
    const blockers = reports.find((r) => r.id === report.id)?.completeness.blockers ?? [];
    const notAvailable = [
      ...report.notAvailable,
      ...blockers.flatMap((b) => {
        const field = ActionabilityField.safeParse(b.id);
        return field.success ? [{ field: field.data, reason: NOT_IN_MANIFEST }] : [];
      }),
    ];
    const incidentType = report.incidentSummary.incidentType ?? CHILD_PORNOGRAPHY;
    return call('PUT', `/api/reports/${report.id}`, userId, {
      version: report.version,
      fields: {
        ...editable(report),
        incidentSummary: { ...report.incidentSummary, incidentType },
        notAvailable,
      },
    });
  }

  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    server.database.db.transaction().execute(work);

  const stored = (id: string) => inTransaction((trx) => readReport(trx, id));
  const allStored = () =>
    inTransaction(async (trx) =>
      readReports(
        trx,
        (await trx.selectFrom('reports').select('id').orderBy('id').execute()).map((r) => r.id),
      ),
    );
  /** Changes a stored report past every rule, as the mock's tests changed its memory. */
  const rewrite = (id: string, change: (report: StoredReport) => void) =>
    inTransaction(async (trx) => {
      const report = await readReport(trx, id);
      change(report);
      await saveReport(trx, report, report.version);
    });

  /** Sets an item's status (and, given another item, its provenance) and keeps reports in step. */
  const setItemStatus = (itemId: string, status: ItemStatus, provenanceOf?: string) =>
    inTransaction(async (trx) => {
      if (provenanceOf !== undefined) {
        const from = await trx
          .selectFrom('provenance')
          .selectAll()
          .where('item_id', '=', provenanceOf)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('provenance')
          .set({
            supplier_id: from.supplier_id,
            dataset_id: from.dataset_id,
            batch_id: from.batch_id,
            crawled_at: from.crawled_at,
            supplier: JSON.stringify(from.supplier),
            dataset: from.dataset === null ? null : JSON.stringify(from.dataset),
            acquisition: JSON.stringify(from.acquisition),
            origin: JSON.stringify(from.origin),
            custody: JSON.stringify(from.custody),
          })
          .where('item_id', '=', itemId)
          .execute();
      }
      await trx.updateTable('items').set({ status }).where('id', '=', itemId).execute();
      await reportItemChanged(trx, itemId, server.clock.now);
    });

  /** Items by status, in the generator's order. */
  const itemIds = async (status: ItemStatus) =>
    (
      await server.database.db
        .selectFrom('items')
        .select(['id', 'sha256'])
        .where('status', '=', status)
        .orderBy('id')
        .execute()
    ).map((r) => ({ id: r.id, sha256: r.sha256 }));

  /** Gives a one-file draft `files` files: pending items take its item's provenance, confirmed. */
  async function withFiles(id: string, files: number): Promise<string> {
    let draft = await stored(id);
    const held = draft.files[0]?.itemIds[0];
    while (draft.files.length < files) {
      const shas = new Set(draft.files.map((f) => f.sha256));
      const item = (await itemIds('pending')).find((i) => !shas.has(i.sha256));
      if (!held || !item) throw new Error(`no item to add to ${id}`);
      await setItemStatus(item.id, 'confirmed', held);
      draft = await stored(id);
    }
    return id;
  }

  /** A draft of `files` files, its gaps explained and submitted by Ana, approved by Sasha. */
  async function approvedReport(files = 1): Promise<Report> {
    const { reports } = await list('usr_ana', '&status=draft');
    const exact = reports.find((r) => r.fileCount === files);
    const id =
      exact?.id ?? (await withFiles(reports.find((r) => r.fileCount === 1)?.id ?? '', files));
    const draft = await get(id, 'usr_ana');
    const explained = Report.parse((await explainGaps(draft, 'usr_ana')).json);
    return transition(await transition(explained, 'usr_ana', 'in_review'), 'usr_sasha', 'approved');
  }

  /** An open draft of at least two files whose supplier has another open draft too. */
  async function draftWithTwoFiles(): Promise<string> {
    const drafts = (await allStored()).filter((r) => r.status === 'draft');
    const shared = drafts.filter((r) =>
      drafts.some((o) => o.id !== r.id && o.incident.supplier.id === r.incident.supplier.id),
    );
    const existing = shared.find((r) => r.files.length >= 2);
    if (existing) return existing.id;
    const draft = shared[0];
    const held = draft?.files[0];
    const item = (await itemIds('pending')).find((i) => i.sha256 !== held?.sha256);
    if (!draft || !held || !item) throw new Error('no draft to add a file to');
    await setItemStatus(item.id, 'confirmed', held.itemIds[0]);
    return draft.id;
  }

  /**
   * Marks an approved report filed at `filedAt`, as a finished filing leaves it: the filing itself
   * is another part of the server's, tested with it.
   */
  const markFiled = (id: string, filedAt: string, ncmecReportId: string) =>
    rewrite(id, (report) => {
      report.status = 'filed';
      report.filed = {
        ncmecReportId,
        filedAt,
        preservationDeadline: preservationDeadline(filedAt),
      };
    });

  const head = () => auditHead(server.database.db);
  const eventsSince = async (seq: number) => {
    const now = await head();
    return auditRange(server.database.db, seq + 1, now.seq - seq);
  };

  return {
    /** Signs everyone in again at their next call: after the clock moved past their sessions. */
    forgetSessions: () => clients.clear(),
    as,
    call,
    list,
    get,
    transition,
    explainGaps,
    stored,
    allStored,
    rewrite,
    setItemStatus,
    itemIds,
    withFiles,
    approvedReport,
    draftWithTwoFiles,
    markFiled,
    head,
    eventsSince,
  };
}
