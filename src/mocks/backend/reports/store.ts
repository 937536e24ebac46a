import type { AuditEvent } from '../../../api/schemas/audit';
import type { FlaggedItem } from '../../../api/schemas/item';
import type { Report, ReportFile } from '../../../api/schemas/report';
import type { ReportSummary, SupplierReasons } from '../../../api/schemas/report-workflow';
import type { Actor } from '../../../api/schemas/user';
import { blockers, checklistProgress, reportChecklist } from '../../../domain/report-checklist';
import { fileViewedByEsp, type SentAnswer } from '../../../domain/file-viewed';
import type { NewAuditEvent } from '../audit-log';
import type { MockState } from '../backend';
import { groupBy } from '../../../lib/group-by';
import {
  draftFields,
  fileEdits,
  fileOf,
  incidentKey,
  incidentOf,
} from '../../../server/reports/draft-fields';
import type { StoredFilingDocument } from './filing-records';
import { noFilingRecords, recordReportChange } from './record';
import { refusedSourceValues } from '../../../server/reports/refused-source-values';
import { reportedBefore } from './supplemental';
import { ReportRefusal } from './refusal';

/** A report as stored: its files without `fileViewedByEsp`, which is derived on every read. */
export type StoredFile = Omit<ReportFile, 'fileViewedByEsp'>;
export type StoredReport = Omit<Report, 'files'> & {
  files: StoredFile[];
  incidentKey: string;
  /** NCMEC's file ids by SHA-256, once uploaded: the server's own, never sent to the browser. */
  ncmecFileIds: Record<string, string>;
  /** By SHA-256: the `fileViewedByEsp` each file's fileinfo sent NCMEC, frozen from then on. */
  viewedAsSent: Record<string, SentAnswer>;
  /** What every filing attempt sent NCMEC and received: kept, listed and downloaded by role. */
  filingDocuments: StoredFilingDocument[];
};

export const openStatuses: readonly Report['status'][] = ['draft', 'rejected'];
/** Submitted but not yet filing: its items may still be taken out (and the review starts again). */
const reviewStatuses: readonly Report['status'][] = ['in_review', 'approved'];
export const SYSTEM: Actor = { id: 'sys_reports', name: 'Report drafting', role: 'system' };

export interface ReportStore {
  list(): readonly StoredReport[];
  get(id: string): StoredReport;
  /** The report as the API shows it: `fileViewedByEsp` derived from the audit log now. */
  present(report: StoredReport): Report;
  summary(report: StoredReport): ReportSummary;
  /**
   * Gathers the seeded confirmed items into drafts by incident, once, as the data is generated:
   * their `report.created` events, for the seeded history.
   */
  seed(): NewAuditEvent[];
  /** A new report, on the record as created. */
  add(report: StoredReport): void;
  nextId(): string;
  /** Sets the report's files to these items', grouped by SHA-256, keeping edits to files that stay. */
  regroup(report: StoredReport, items: readonly FlaggedItem[]): void;
  /** The items a report holds. */
  itemsOf(report: StoredReport): FlaggedItem[];
  /** Keeps drafts in step with decisions: a confirmed item joins its incident's open draft. */
  itemChanged(item: FlaggedItem, now: Date): void;
  supplierReasons(supplierId: string): SupplierReasons;
}

export function createReportStore(state: () => MockState, now: () => Date): ReportStore {
  const reports = new Map<string, StoredReport>();
  let counter = 0;
  // Originals served after a reveal, seen so far in the audit log, read incrementally.
  const served: AuditEvent[] = [];
  let scannedSeq = 0;

  const decisionsOf = (itemId: string) => state().decisions.get(itemId) ?? [];
  const filesOf = (items: readonly FlaggedItem[]) =>
    [...groupBy(items, (i) => i.media.sha256).values()].map((group) =>
      fileOf(group, decisionsOf, now()),
    );

  /**
   * The report's files for these items; what people edited on a file that stays is kept. The
   * values set aside follow the items.
   */
  function regroup(report: StoredReport, items: readonly FlaggedItem[]) {
    const edited = new Map(report.files.map((f) => [f.sha256, f]));
    report.files = filesOf(items).map((file) => {
      const before = edited.get(file.sha256);
      return before ? { ...file, ...fileEdits(before) } : file;
    });
    report.refusedSourceValues = refusedSourceValues(items, now());
  }

  function draft(items: readonly FlaggedItem[], at: string): StoredReport {
    const [first] = items;
    if (!first) throw new Error('a draft needs an item');
    counter += 1;
    const files = filesOf(items);
    return {
      id: `rpt_${String(counter).padStart(5, '0')}`,
      version: 1,
      status: 'draft',
      incident: incidentOf(first),
      incidentKey: incidentKey(first),
      ...noFilingRecords(),
      files,
      createdAt: at,
      updatedAt: at,
      reporter: null,
      priorReport: null,
      draftEditors: [],
      amendedBy: [],
      submittedBy: null,
      review: null,
      filing: null,
      filed: null,
      ...draftFields(items, files, now()),
    };
  }

  const created = (report: StoredReport, seeded: boolean): NewAuditEvent => ({
    at: report.createdAt,
    actor: SYSTEM,
    action: 'report.created',
    subject: { type: 'report', id: report.id },
    detail: {
      files: report.files.length,
      items: report.files.reduce((n, f) => n + f.itemIds.length, 0),
      ...(seeded ? { seeded } : {}),
    },
  });

  /** When the item became confirmed: its latest decision. */
  const confirmedAt = (item: FlaggedItem) => decisionsOf(item.id).at(-1)?.at ?? item.flaggedAt;

  /** Every item with the file's bytes, in the report or not: a reveal of any of them viewed it. */
  function sameBytes(file: StoredFile): string[] {
    const first = state().itemsById.get(file.itemIds[0] ?? '');
    const others = first
      ? state()
          .clusters()
          .clusterOf(first)
          .filter((m) => m.match === 'sha256')
          .map((m) => m.item.id)
      : [];
    return [...new Set([...file.itemIds, ...others])];
  }

  function scanServed() {
    const { audit } = state();
    if (audit.head.seq === scannedSeq) return served;
    for (const event of audit.range(scannedSeq + 1, audit.head.seq - scannedSeq)) {
      if (event.action === 'media.served') served.push(event);
    }
    scannedSeq = audit.head.seq;
    return served;
  }

  const store: ReportStore = {
    list: () => [...reports.values()],
    get(id) {
      const report = reports.get(id);
      if (!report) throw new ReportRefusal(404, 'not_found', `No report ${id}.`);
      return report;
    },
    present({
      incidentKey: _key,
      ncmecFileIds: _ids,
      viewedAsSent,
      filingDocuments: _documents,
      ...report
    }) {
      const events = scanServed();
      return {
        ...structuredClone(report),
        files: report.files.map((file) => ({
          ...structuredClone(file),
          fileViewedByEsp: fileViewedByEsp(
            sameBytes(file),
            events,
            viewedAsSent[file.sha256] ?? null,
          ),
        })),
      };
    },
    summary(report) {
      const entries = reportChecklist(report, new Date());
      return {
        id: report.id,
        version: report.version,
        status: report.status,
        incident: report.incident,
        updatedAt: report.updatedAt,
        priorReport: report.priorReport,
        filed: report.filed,
        fileCount: report.files.length,
        itemCount: report.files.reduce((n, f) => n + f.itemIds.length, 0),
        completeness: {
          ...checklistProgress(entries),
          blockers: blockers(entries, 'approve').map(({ id, label }) => ({ id, label })),
        },
      };
    },
    seed() {
      const confirmed = state().items.filter((i) => i.status === 'confirmed');
      const events: NewAuditEvent[] = [];
      for (const items of groupBy(confirmed, incidentKey).values()) {
        // Gathered as its incident's last item was confirmed: what it holds was confirmed by then.
        const at = items.map(confirmedAt).reduce((a, b) => (a > b ? a : b));
        const report = draft(items, at);
        reports.set(report.id, report);
        events.push(created(report, true));
      }
      return events;
    },
    add(report) {
      reports.set(report.id, report);
      state().audit.append(created(report, false));
    },
    nextId() {
      counter += 1;
      return `rpt_${String(counter).padStart(5, '0')}`;
    },
    regroup,
    itemsOf,
    itemChanged(item, now) {
      const at = now.toISOString();
      const holding = [...reports.values()].filter((r) =>
        r.files.some((f) => f.itemIds.includes(item.id)),
      );
      if (item.status === 'confirmed') {
        if (holding.length > 0) return;
        // Its incident's open draft; else its open supplemental report, unless a report before
        // that one already sent these bytes.
        const key = incidentKey(item);
        const drafts = [...reports.values()].filter(
          (r) => r.incidentKey === key && openStatuses.includes(r.status),
        );
        const open =
          drafts.find((r) => r.priorReport === null) ??
          drafts.find((r) => !reportedBefore(state(), r).has(item.media.sha256));
        if (!open) return store.add(draft([item], at));
        regroup(open, [...itemsOf(open), item]);
        open.version += 1;
        open.updatedAt = at;
        return;
      }
      // Undone or corrected away from confirmed: it leaves every report not yet on its way to
      // NCMEC; one in review or approved goes back to draft, to be reviewed again without it.
      for (const report of holding) {
        if (!openStatuses.includes(report.status) && !reviewStatuses.includes(report.status))
          continue;
        regroup(
          report,
          itemsOf(report).filter((i) => i.id !== item.id),
        );
        if (reviewStatuses.includes(report.status)) {
          Object.assign(report, {
            status: 'draft',
            review: null,
            reporter: null,
            submittedBy: null,
          });
        }
        recordReportChange(state(), report, SYSTEM, now, 'report.updated', {
          removedItem: item.id,
          itemStatus: item.status,
        });
      }
    },
    supplierReasons(supplierId) {
      const given = new Map<string, SupplierReasons['reasons'][number]>();
      for (const report of reports.values()) {
        if (report.incident.supplier.id !== supplierId) continue;
        for (const { field, reason } of report.notAvailable) {
          const key = `${field}\u0000${reason}`;
          const seen = given.get(key);
          given.set(key, {
            field,
            reason,
            reports: (seen?.reports ?? 0) + 1,
            lastGivenAt:
              seen && seen.lastGivenAt > report.updatedAt ? seen.lastGivenAt : report.updatedAt,
          });
        }
      }
      return {
        supplierId,
        reasons: [...given.values()].sort((a, b) => b.reports - a.reports),
      };
    },
  };

  function itemsOf(report: StoredReport): FlaggedItem[] {
    const byId = state().itemsById;
    return report.files.flatMap((f) =>
      f.itemIds.map((id) => byId.get(id)).filter((i): i is FlaggedItem => i !== undefined),
    );
  }

  return store;
}
