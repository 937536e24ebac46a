import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A `timestamptz`: read as a Date, written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A JSONB column holding `T`: written as its JSON text, read parsed. */
type Json<T = unknown> = ColumnType<T, string, string>;

export interface UsersTable {
  id: string;
  name: string;
  role: 'analyst' | 'supervisor' | 'auditor';
  email: string;
  demo: Generated<boolean>;
}

export interface ItemsTable {
  id: string;
  version: number;
  queue_id: string;
  status: 'pending' | 'awaiting_second_review' | 'escalated' | 'confirmed' | 'dismissed';
  priority: 'p0' | 'p1' | 'p2' | 'p3';
  flagged_at: Timestamp;
  sla_due_at: Timestamp;
  sha256: string;
  md5: string;
  pdq: string | null;
  hash_only: boolean;
  media: Json;
  /**
   * When its latest standing decision was made; kept by the database's triggers. Written only by
   * a bulk load that inserts the decisions with that trigger off.
   */
  status_since: ColumnType<Date | null, string | null | undefined, never>;
  /** Its completeness badge as kept (`keptCompleteness`); null for items stored before it was. */
  completeness_timeless: number | null;
  completeness_incident_from: number | null;
  /** Its actionability entries present whatever the time (`keptEntries`); null for items stored before it was. */
  completeness_entries: Json<string[]> | null;
}

/** How many items by queue, status and priority, in stripes; kept by the database's triggers. */
export interface ItemCountsTable {
  queue_id: string;
  status: ItemsTable['status'];
  priority: ItemsTable['priority'];
  stripe: number;
  n: number;
}

export interface SignalsTable {
  item_id: string;
  position: number;
  kind: 'hash_match' | 'classifier' | 'text_rule' | 'heuristic';
  rule_id: string;
  rule_version: string;
  signal: Json;
}

export interface ProvenanceTable {
  item_id: string;
  supplier_id: string;
  dataset_id: string | null;
  batch_id: string | null;
  crawled_at: Timestamp | null;
  supplier: Json;
  dataset: Json | null;
  acquisition: Json;
  origin: Json;
  custody: Json;
}

export interface ClaimsTable {
  item_id: string;
  holder_id: string;
  window_id: string | null;
  claimed_at: Timestamp;
  expires_at: Timestamp;
}

export interface DecisionsTable {
  id: string;
  item_id: string;
  item_version: number;
  stage: 'first' | 'second' | 'supervisor';
  verdict: Json;
  supersedes: string | null;
  note: string | null;
  actor_id: string;
  at: Timestamp;
  idempotency_key: string;
  undone_at: Timestamp | null;
}

export interface VerdictReadersTable {
  item_id: string;
  user_id: string;
}

export interface RevealsTable {
  id: string;
  token_hash: string;
  item_id: string;
  user_id: string;
  started_at: Timestamp;
  url_expires_at: Timestamp;
  served_at: Timestamp | null;
  ended_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  id: string;
  user_id: string;
  started_at: Timestamp;
  last_used_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  ended: Json | null;
}

export interface AuditEventsTable {
  seq: number;
  at: Timestamp;
  actor: Json;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: Json;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: Generated<boolean>;
  seq: number;
  hash: string;
}

/**
 * A CyberTipline report. Columns: what lists filter and sort on, what drafting looks up (the
 * incident an item belongs to), and `version` for compare-and-set. `body` is the rest of the
 * contract's `Report`, read whole (`ReportBody` in src/server/reports/report-rows.ts): every field
 * except `id`, `version`, `status`, `updatedAt` and `files`.
 */
export interface ReportsTable {
  id: string;
  version: number;
  status: 'draft' | 'in_review' | 'approved' | 'filing' | 'filed' | 'rejected' | 'retracted';
  supplier_id: string;
  /** What groups an item into a draft: supplier, dataset and version, batch, uploader. */
  incident_key: string;
  prior_report_id: string | null;
  body: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * One file of a report: the contract's `ReportFile` without `fileViewedByEsp` (derived from the
 * audit log on every read) in `file`, `itemIds` included; `position` keeps the report's order.
 * The filing's own records per file live beside it: NCMEC's file id once uploaded, and the
 * `fileViewedByEsp` answer its fileinfo sent (`SentAnswer` of src/domain/file-viewed.ts).
 */
export interface ReportFilesTable {
  report_id: string;
  sha256: string;
  position: number;
  file: Json;
  ncmec_file_id: string | null;
  viewed_as_sent: Json | null;
}

/** Which report holds which item (and in which file): kept with `report_files`, for lookups by item. */
export interface ReportItemsTable {
  report_id: string;
  item_id: string;
  sha256: string;
}

/** A filing to run: queued with the decision to file, claimed under a lease, done once run out. */
export interface FilingJobsTable {
  id: string;
  report_id: string;
  state: 'queued' | 'done';
  /** The Actor who started, resumed or retracted it: NCMEC's steps are on the record as theirs. */
  requested_by: Json;
  created_at: Timestamp;
  lease_owner: string | null;
  lease_expires_at: Timestamp | null;
  attempts: Generated<number>;
  /** The step being sent (`InFlight` of src/server/reports/filing-jobs.ts), or null. */
  in_flight: Json | null;
  updated_at: Timestamp;
}

/** A document exchanged with NCMEC while filing: the contract's `FilingDocument` and its bytes. */
export interface FilingDocumentsTable {
  report_id: string;
  id: string;
  step: 'submit' | 'upload' | 'fileinfo' | 'finish' | 'retract';
  file_sha256: string | null;
  direction: 'sent' | 'answer';
  at: Timestamp;
  ncmec_report_id: string | null;
  media_type: 'application/xml';
  sha256: string;
  bytes: number;
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  audit_seq: number;
}

export interface SettingsTable {
  key: string;
  value: Json;
  version: number;
}

export interface BreakDismissalsTable {
  user_id: string;
  shift_started_at: Timestamp;
  dismissed_at: Timestamp;
}

/** The database as Kysely sees it: one entry per table of the migrations. */
export interface Database {
  users: UsersTable;
  items: ItemsTable;
  signals: SignalsTable;
  provenance: ProvenanceTable;
  claims: ClaimsTable;
  decisions: DecisionsTable;
  verdict_readers: VerdictReadersTable;
  reveals: RevealsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  reports: ReportsTable;
  report_files: ReportFilesTable;
  report_items: ReportItemsTable;
  filing_jobs: FilingJobsTable;
  filing_documents: FilingDocumentsTable;
  settings: SettingsTable;
  item_counts: ItemCountsTable;
  break_dismissals: BreakDismissalsTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
