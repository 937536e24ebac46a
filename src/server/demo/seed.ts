import type { Transaction } from 'kysely';
import type { FlaggedItem } from '../../api/schemas/item';
import {
  appendAuditEvents,
  appendChainedEvents,
  auditHead,
  chainEvents,
  type NewAuditEvent,
} from '../audit/audit-chain';
import {
  withForeignKeysDeferred,
  withIndexesDeferred,
  withTriggerDisabled,
  type DeferredIndexes,
} from '../db/bulk-load';
import type { Engine, OpenDatabase } from '../db/open-database';
import type { Database } from '../db/tables';
import { insertDecisions } from '../decisions/decision-rows';
import { demoUsers, otherUsers } from '../directory/directory';
import { ensureUsers } from '../directory/users';
import { insertItems } from '../items/item-rows';
import { insertSeededDrafts, seededReportDrafts } from '../reports/seed-report-drafts';
import { generateData } from './generator';
import { codeUnitOrder } from '../../lib/code-unit-order';

/** What the demo data is generated from: the same options give the same data. */
export interface DemoDataOptions {
  seed: number;
  /** Total items over all queues. */
  items: number;
  /** At least this many audit events: the seeded history is padded with item views. */
  auditEvents: number;
  leaseSeconds: number;
  now: Date;
}

/** Audit events go into the chain this many at a time: one lock, one statement each. */
const AUDIT_BATCH = 5000;

/**
 * The `auditEvents` option: synthetic item views (by the colleagues who cannot sign in, one second
 * apart before `now`) for scale tests and benchmarks, after the history they pad.
 */
function* padding(
  items: readonly FlaggedItem[],
  missing: number,
  now: Date,
): Generator<NewAuditEvent> {
  for (let i = 0; i < missing && items.length > 0; i++) {
    const actor = otherUsers[i % otherUsers.length];
    const item = items[i % items.length];
    if (!actor || !item) return;
    yield {
      at: new Date(now.getTime() - (missing - i) * 1000).toISOString(),
      actor: { id: actor.id, name: actor.name, role: actor.role },
      action: 'item.viewed',
      subject: { type: 'item', id: item.id },
      detail: { previewMode: item.preview.mode, padding: true },
    };
  }
}

/**
 * Fills an empty database with the generated demo data: the directory's users, the items, their
 * decisions and leases, the report drafts of the confirmed items, and their history chained into
 * the audit log (padded to `auditEvents`). `moreHistory` is history other parts of the demo derive
 * from the items: it is chained in time order with the rest.
 */
export const seedDemoData = (
  { db, engine }: Pick<OpenDatabase, 'db' | 'engine'>,
  options: DemoDataOptions,
  moreHistory?: (data: ReturnType<typeof generateData>) => NewAuditEvent[],
) => db.transaction().execute((trx) => seedDemoDataIn(trx, engine, options, moreHistory));

/** The planner's statistics target for the seed's own analyze on PostgreSQL (its default: 100). */
const ROUGH_STATISTICS = 10;

/** The tables the seed fills, their indexes built once it is done. */
const seededTables = [
  'items',
  'decisions',
  'signals',
  'provenance',
  'claims',
  'reports',
  'report_files',
  'report_items',
  'audit_events',
] as const;

/** The tables `insertItems` fills. */
const itemTables = ['items', 'signals', 'provenance', 'claims'] as const;

/**
 * `seedDemoData` in the caller's transaction (a reset empties and re-seeds in one). On PostgreSQL
 * only, foreign keys are deferred, and the planner's statistics come from a rough sample (3,000
 * rows a table): enough to know the sizes and the common values, at a tenth of the time, until
 * autovacuum analyzes a table again once a tenth of it has changed. On PGlite, a first start of
 * 100,000 items took 54–63 s checking each row as it went in, and 61–68 s deferring them; and the
 * full sample, left to the start's vacuum, raised that start's peak memory from 929–949 MB to as
 * much as 1,032 MB.
 */
export async function seedDemoDataIn(
  trx: Transaction<Database>,
  engine: Engine,
  options: DemoDataOptions,
  moreHistory: (data: ReturnType<typeof generateData>) => NewAuditEvent[] = () => [],
) {
  const load = (analyze: { statisticsTarget?: number } = {}) =>
    withIndexesDeferred(
      trx,
      seededTables,
      (indexes) => seed(trx, options, moreHistory, indexes),
      analyze,
    );
  return engine === 'pglite'
    ? load()
    : withForeignKeysDeferred(trx, seededTables, () =>
        load({ statisticsTarget: ROUGH_STATISTICS }),
      );
}

/** When each item's latest decision was made, by id: what `items.status_since` keeps. */
function latestDecisions(decisions: ReadonlyMap<string, readonly { at: string }[]>) {
  const latest = new Map<string, string>();
  for (const [itemId, made] of decisions)
    for (const { at } of made) {
      const before = latest.get(itemId);
      if (before === undefined || at > before) latest.set(itemId, at);
    }
  return latest;
}

async function seed(
  trx: Transaction<Database>,
  options: DemoDataOptions,
  moreHistory: (data: ReturnType<typeof generateData>) => NewAuditEvent[],
  indexes: DeferredIndexes,
) {
  const data = generateData(options);
  await ensureUsers(trx, demoUsers, { demo: true });
  await ensureUsers(trx, otherUsers, { demo: false });
  const head = await auditHead(trx);
  // Each item goes in with its status_since, rather than the trigger updating it once per item
  // as its decisions go in (and the decisions' indexes kept up to date for it to read them).
  await insertItems(trx, data.items, latestDecisions(data.decisions));
  // The database builds the items' indexes while this process makes the rest of the data.
  const { built } = await indexes.startBuilding(itemTables);
  const drafts = seededReportDrafts(data, options.now);
  const decisions = [...data.decisions.values()]
    .flat()
    .map((d) => ({ ...d, idempotencyKey: `seed:${d.id}` }));
  const history = chainEvents(
    head,
    [...data.history, ...drafts.history, ...moreHistory(data)].sort((a, b) =>
      codeUnitOrder(a.at, b.at),
    ),
  );
  await built;
  await withTriggerDisabled(trx, 'decisions', 'decisions_inserted_status_since', () =>
    insertDecisions(trx, decisions),
  );
  await insertSeededDrafts(trx, drafts.reports);
  for (let from = 0; from < history.length; from += AUDIT_BATCH)
    await appendChainedEvents(trx, history.slice(from, from + AUDIT_BATCH));
  let batch: NewAuditEvent[] = [];
  for (const event of padding(data.items, options.auditEvents - history.length, options.now)) {
    batch.push(event);
    if (batch.length === AUDIT_BATCH) {
      await appendAuditEvents(trx, batch);
      batch = [];
    }
  }
  await appendAuditEvents(trx, batch);
  await trx
    .insertInto('settings')
    .values({
      key: 'demo.data',
      value: JSON.stringify({
        seed: options.seed,
        items: options.items,
        auditEvents: options.auditEvents,
      }),
      version: 1,
    })
    .execute();
  return data;
}
