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

export interface ReportsTable {
  id: string;
  version: number;
  status: string;
  supplier_id: string;
  prior_report_id: string | null;
  body: Json;
  updated_at: Timestamp;
}

export interface ReportFilesTable {
  report_id: string;
  sha256: string;
  file: Json;
}

export interface ReportItemsTable {
  report_id: string;
  item_id: string;
}

export interface FilingJobsTable {
  report_id: string;
  state: 'queued' | 'running' | 'filed' | 'failed' | 'retracted';
  step: Json;
  lease_owner: string | null;
  lease_expires_at: Timestamp | null;
  attempts: Generated<number>;
  updated_at: Timestamp;
}

export interface FilingDocumentsTable {
  id: string;
  report_id: string;
  step: string;
  direction: 'sent' | 'received';
  media_type: string;
  sha256: string;
  content: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  at: Timestamp;
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
  break_dismissals: BreakDismissalsTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
