import { sql, type Transaction } from 'kysely';
import type { OpenDatabase } from '../db/open-database';
import type { Database } from '../db/tables';
import { seedDemoMedia } from './seed-media';
import { seedDemoDataIn } from './seed';
import { readDemoData, writeDemoKnobs, type DemoKnobs, type MockConfig } from './knobs';

/** A start that cannot go on with the data it found; its message says why and what to do. */
export class StartRefused extends Error {}

/** The settings a reset keeps: not demo data, but the deployment's own (the draw's key). */
const KEPT_SETTINGS = ['review.secret'];

/**
 * Empties every table the migrations made (whatever other parts of the server added), in the
 * caller's transaction: the audit chain back to its genesis, the settings but the kept ones.
 */
export async function emptyDatabase(trx: Transaction<Database>) {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = current_schema()
      and tablename not like 'kysely\\_%'
      and tablename not in ('audit_head', 'settings')`.execute(trx);
  if (rows.length > 0)
    await sql`truncate ${sql.join(rows.map((r) => sql.table(r.name)))} restart identity cascade`.execute(
      trx,
    );
  await trx
    .updateTable('audit_head')
    .set({ seq: 0, hash: '0'.repeat(64) })
    .execute();
  await trx.deleteFrom('settings').where('key', 'not in', KEPT_SETTINGS).execute();
}

/** The knobs of a configuration, as every instance reads them. */
export const knobsOf = (config: MockConfig): DemoKnobs => ({
  latency: config.latency,
  leaseSeconds: config.leaseSeconds,
  faults: config.faults,
  auditEvents: config.auditEvents,
});

/**
 * Replaces whatever the database holds with the demo data `config` generates at `now`, and
 * stores its knobs: in one transaction, so no instance ever sees it half done. Then the items'
 * pictures are drawn into `mediaDir`, when the media are a directory.
 */
export async function reseedDemoData(
  { db, engine }: Pick<OpenDatabase, 'db' | 'engine'>,
  config: MockConfig,
  now: Date,
  mediaDir: string | null,
) {
  const data = await db.transaction().execute(async (trx) => {
    await emptyDatabase(trx);
    const seeded = await seedDemoDataIn(trx, engine, { ...config, now });
    await writeDemoKnobs(trx, knobsOf(config));
    return seeded;
  });
  if (mediaDir !== null) await seedDemoMedia(mediaDir, data.items);
}

/** The flags that set what a demo start asked for, by knob. */
const FLAGS = { seed: '--seed', items: '--items' } as const;

/**
 * Readies the demo data at start. The first start seeds it from `start`; a later start keeps
 * everything, applying only the knobs given on its command line (`explicit`); a later start
 * whose `--seed` or `--items` differs from the stored data is refused unless `reset`, which
 * empties the database and seeds it again. `where` names the database in messages.
 */
export async function prepareDemoData(
  database: Pick<OpenDatabase, 'db' | 'engine'>,
  {
    start,
    explicit,
    reset,
    now,
    where,
    mediaDir,
  }: {
    start: MockConfig;
    explicit: Partial<MockConfig>;
    reset: boolean;
    now: Date;
    where: string;
    mediaDir: string | null;
  },
): Promise<'seeded' | 'kept'> {
  const { db } = database;
  const stored = await readDemoData(db);
  if (!reset && stored === null) {
    const found = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (found)
      throw new StartRefused(
        `${where} holds data that is not the demo's: demo mode does not start on it. ` +
          'Point DATABASE_URL or VERITY_DATA_DIR elsewhere, or add --reset to delete it all and seed the demo data.',
      );
  }
  if (reset || stored === null) {
    await reseedDemoData(database, start, now, mediaDir);
    return 'seeded';
  }
  const differs = (['seed', 'items'] as const).filter(
    (knob) => explicit[knob] !== undefined && explicit[knob] !== stored[knob],
  );
  if (differs.length > 0)
    throw new StartRefused(
      `The demo data in ${where} was generated with --seed ${stored.seed} --items ${stored.items}; ` +
        `this start asks for ${differs.map((knob) => `${FLAGS[knob]} ${explicit[knob]}`).join(' ')}. ` +
        'Start without them to keep the data, or add --reset to replace it (every decision, report, session and audit event in it is deleted).',
    );
  return 'kept';
}
