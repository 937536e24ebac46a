import { sql, type Kysely } from 'kysely';
import { createListSupport } from './0001-list-support';

/**
 * The core tables. Nested shapes the console reads whole (media, provenance's origin, a verdict,
 * a report's body) are JSONB; what queries filter, sort, join or constrain on are columns.
 * Timestamps are `timestamptz`; ids are the contract's text ids.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('analyst', 'supervisor', 'auditor')`),
    )
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('queue_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('pending', 'awaiting_second_review', 'escalated', 'confirmed', 'dismissed')`,
        ),
    )
    .addColumn('priority', 'text', (c) =>
      c.notNull().check(sql`priority in ('p0', 'p1', 'p2', 'p3')`),
    )
    .addColumn('flagged_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sla_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('md5', 'text', (c) => c.notNull())
    .addColumn('pdq', 'text')
    .addColumn('hash_only', 'boolean', (c) => c.notNull())
    .addColumn('media', 'jsonb', (c) => c.notNull())
    .execute();
  // The queue page and "next": what waits in a queue, most urgent first.
  await db.schema
    .createIndex('items_queue_waiting')
    .on('items')
    .columns(['queue_id', 'status', 'priority', 'sla_due_at'])
    .execute();
  // "Next" in the queues that are views of a status (second review, escalations).
  await db.schema
    .createIndex('items_status_waiting')
    .on('items')
    .columns(['status', 'priority', 'sla_due_at'])
    .execute();
  await db.schema
    .createIndex('items_status_flagged')
    .on('items')
    .columns(['status', 'flagged_at'])
    .execute();
  // Clusters and search: the same bytes or the same perceptual hash.
  await db.schema.createIndex('items_sha256').on('items').column('sha256').execute();
  await db.schema.createIndex('items_md5').on('items').column('md5').execute();
  await db.schema.createIndex('items_pdq').on('items').column('pdq').execute();

  await db.schema
    .createTable('signals')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('hash_match', 'classifier', 'text_rule', 'heuristic')`),
    )
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'text', (c) => c.notNull())
    .addColumn('signal', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('signals_pk', ['item_id', 'position'])
    .execute();
  await db.schema
    .createIndex('signals_rule')
    .on('signals')
    .columns(['rule_id', 'rule_version'])
    .execute();
  await db.schema.createIndex('signals_kind').on('signals').columns(['kind', 'item_id']).execute();

  await db.schema
    .createTable('provenance')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('crawled_at', 'timestamptz')
    .addColumn('supplier', 'jsonb', (c) => c.notNull())
    .addColumn('dataset', 'jsonb')
    .addColumn('acquisition', 'jsonb', (c) => c.notNull())
    .addColumn('origin', 'jsonb', (c) => c.notNull())
    .addColumn('custody', 'jsonb', (c) => c.notNull())
    .execute();
  // Report drafts gather an incident's items: one supplier, dataset and batch.
  await db.schema
    .createIndex('provenance_incident')
    .on('provenance')
    .columns(['supplier_id', 'dataset_id', 'batch_id'])
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('holder_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('window_id', 'text')
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('claims_holder')
    .on('claims')
    .columns(['holder_id', 'expires_at'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) =>
      c.notNull().check(sql`stage in ('first', 'second', 'supervisor')`),
    )
    .addColumn('verdict', 'jsonb', (c) => c.notNull())
    .addColumn('supersedes', 'text', (c) => c.references('decisions.id'))
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    // The maker's idempotency key: a decision sent twice is recorded once, whichever instance.
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'timestamptz')
    .addUniqueConstraint('decisions_once_per_key', ['actor_id', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('decisions_item')
    .on('decisions')
    .columns(['item_id', 'at'])
    .execute();

  await db.schema
    .createTable('verdict_readers')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('verdict_readers_pk', ['item_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('reveals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('url_expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('served_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('reveals_user')
    .on('reveals')
    .columns(['user_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('sessions')
    // Only the token's SHA-256 is stored: a copy of the table signs no one in.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    // What a browser still holding the cookie is told (SessionEnded); null when it ended it itself.
    .addColumn('ended', 'jsonb')
    .execute();
  await db.schema
    .createIndex('sessions_user')
    .on('sessions')
    .columns(['user_id', 'ended_at'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey().check(sql`seq > 0`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'jsonb', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex('audit_subject')
    .on('audit_events')
    .columns(['subject_type', 'subject_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_action')
    .on('audit_events')
    .columns(['action', 'seq'])
    .execute();
  // The audit page's filters, each with `seq` so a filtered page, its count and its seq range are
  // read from the index in log order; the actor is JSONB, indexed by expression.
  await db.schema
    .createIndex('audit_subject_id')
    .on('audit_events')
    .columns(['subject_id', 'seq'])
    .execute();
  await sql`create index audit_actor_id on audit_events ((actor->>'id'), seq)`.execute(db);
  await sql`create index audit_actor_role on audit_events ((actor->>'role'), seq)`.execute(db);
  await db.schema.createIndex('audit_at').on('audit_events').columns(['at', 'seq']).execute();
  // Insights read the items flagged and the decisions made in a time range.
  await db.schema.createIndex('items_flagged_at').on('items').column('flagged_at').execute();
  await db.schema.createIndex('decisions_at').on('decisions').column('at').execute();
  // The chain's head: one row, locked by every append, so the chain has no gaps and no forks.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'boolean', (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (seq, hash) values (0, ${'0'.repeat(64)})`.execute(db);

  // Report numbers (`rpt_00001`) from one sequence: unique whichever instance drafts.
  await sql`create sequence report_numbers`.execute(db);
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('draft', 'in_review', 'approved', 'filing', 'filed', 'rejected', 'retracted')`,
        ),
    )
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('incident_key', 'text', (c) => c.notNull())
    .addColumn('prior_report_id', 'text', (c) => c.references('reports.id'))
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reports_status')
    .on('reports')
    .columns(['status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('reports_supplier')
    .on('reports')
    .columns(['supplier_id', 'status'])
    .execute();
  // A confirmed item joins its incident's open draft.
  await db.schema
    .createIndex('reports_incident')
    .on('reports')
    .columns(['incident_key', 'status'])
    .execute();
  await db.schema.createIndex('reports_prior').on('reports').column('prior_report_id').execute();
  await db.schema
    .createTable('report_files')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file', 'jsonb', (c) => c.notNull())
    .addColumn('ncmec_file_id', 'text')
    .addColumn('viewed_as_sent', 'jsonb')
    .addPrimaryKeyConstraint('report_files_pk', ['report_id', 'sha256'])
    .execute();
  await db.schema
    .createTable('report_items')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_items_pk', ['report_id', 'item_id'])
    .execute();
  await db.schema.createIndex('report_items_item').on('report_items').column('item_id').execute();

  // Filing is a job: written in the transaction that decides to file (start, resume, retract),
  // claimed under a lease by whichever instance is free. One open job per report.
  await db.schema
    .createTable('filing_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'done')`))
    .addColumn('requested_by', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // The step being sent, written (and committed) before it is sent and cleared with its
    // answer: a run that finds it set knows the last run died not knowing NCMEC's answer.
    .addColumn('in_flight', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create unique index filing_jobs_open on filing_jobs (report_id) where state = 'queued'`.execute(
    db,
  );
  await sql`create index filing_jobs_due on filing_jobs (created_at) where state = 'queued'`.execute(
    db,
  );
  // The documents exchanged with NCMEC, byte for byte, each tied to its audit event.
  await db.schema
    .createTable('filing_documents')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text')
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('sent', 'answer')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('ncmec_report_id', 'text')
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('audit_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('filing_documents_pk', ['report_id', 'id'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createListSupport(db);

  // "Dismiss the break prompt for this shift", kept with the shift it was made in: one per person.
  await db.schema
    .createTable('break_dismissals')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('shift_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('dismissed_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'item_counts',
    'break_dismissals',
    'settings',
    'filing_documents',
    'filing_jobs',
    'report_items',
    'report_files',
    'reports',
    'audit_head',
    'audit_events',
    'sessions',
    'reveals',
    'verdict_readers',
    'decisions',
    'claims',
    'provenance',
    'signals',
    'items',
    'users',
  ])
    await db.schema.dropTable(table).execute();
  await sql`drop sequence report_numbers`.execute(db);
}
