import type { Kysely, Transaction } from 'kysely';
import { z } from '../../lib/zod';
import type { Database } from '../db/tables';
import { FaultSpec } from './faults';

/**
 * The demo's knobs: what the data is generated from (`seed`, `items`, `auditEvents`), what is
 * added to the API's answers (`latency`, `faults`), how long a claim lasts (`leaseSeconds`), and
 * the limits only a start sets. `GET /__mock/config` answers them all, in this shape.
 */
export interface MockConfig {
  seed: number;
  /** Total items over all queues. */
  items: number;
  /** Added to every API response, in ms. */
  latency: number;
  leaseSeconds: number;
  /** The most items one reviewer may hold at once (set at start only). */
  maxHeld: number;
  faults: string[];
  /** At least this many audit events: the seeded history is padded with item views. */
  auditEvents: number;
  /** A session ends after this long without a request (start-up option only). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in however active (start-up option only). */
  sessionMaxHours: number;
}

export const defaultMockConfig: MockConfig = {
  seed: 1,
  items: 300,
  latency: 0,
  leaseSeconds: 300,
  maxHeld: 5,
  faults: [],
  auditEvents: 0,
  // NIST SP 800-63B's limits for AAL2: re-authenticate after 30 minutes idle and at least every
  // 12 hours, which an analyst's shift fits inside (docs/decisions/0007-session-lifetimes.md).
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
};

/**
 * What only a start sets: how many items one reviewer may hold at once (`--max-held`) and the
 * session limits (`--session-idle-minutes`, `--session-max-hours`).
 */
export const StartOnlyOptions = z.strictObject({
  maxHeld: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  sessionIdleMinutes: z.optional(z.int().check(z.gte(1), z.lte(1440))),
  sessionMaxHours: z.optional(z.int().check(z.gte(1), z.lte(168))),
});

/** Body of `POST /__mock/config`: every knob optional; `reset` regenerates the data. */
export const MockConfigRequest = z.strictObject({
  seed: z.optional(z.int().check(z.nonnegative())),
  items: z.optional(z.int().check(z.gte(0), z.lte(1_000_000))),
  latency: z.optional(z.int().check(z.gte(0), z.lte(60_000))),
  leaseSeconds: z.optional(z.int().check(z.gte(5), z.lte(86_400))),
  faults: z.optional(z.array(FaultSpec)),
  auditEvents: z.optional(z.int().check(z.gte(0), z.lte(2_000_000))),
  reset: z.optional(z.boolean()),
});
export type MockConfigRequest = z.infer<typeof MockConfigRequest>;

/** What the stored demo data was generated from (`settings['demo.data']`, written by the seed). */
export const DemoData = z.object({
  seed: z.int(),
  items: z.int(),
  auditEvents: z.int(),
});
export type DemoData = z.infer<typeof DemoData>;

/**
 * The knobs every instance reads on every request (`settings['demo.knobs']`): set on one
 * instance, they hold on all of them and across restarts.
 */
export const DemoKnobs = z.object({
  latency: z.int(),
  leaseSeconds: z.int(),
  faults: z.array(z.string()),
  /** As last set: the data is re-seeded only when it asks for more events than the log holds. */
  auditEvents: z.int(),
});
export type DemoKnobs = z.infer<typeof DemoKnobs>;

type Reader = Kysely<Database> | Transaction<Database>;

async function readSetting<T>(
  db: Reader,
  key: string,
  schema: z.ZodMiniType<T>,
): Promise<T | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? schema.parse(row.value) : null;
}

export const readDemoData = (db: Reader) => readSetting(db, 'demo.data', DemoData);

/** The knobs as stored; the defaults when none are (a database seeded by other means). */
export async function readDemoKnobs(db: Reader): Promise<DemoKnobs> {
  return (
    (await readSetting(db, 'demo.knobs', DemoKnobs)) ?? {
      latency: defaultMockConfig.latency,
      leaseSeconds: defaultMockConfig.leaseSeconds,
      faults: defaultMockConfig.faults,
      auditEvents: defaultMockConfig.auditEvents,
    }
  );
}

export async function writeDemoKnobs(db: Reader, knobs: DemoKnobs) {
  const value = JSON.stringify(DemoKnobs.parse(knobs));
  await db
    .insertInto('settings')
    .values({ key: 'demo.knobs', value, version: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        version: eb('settings.version', '+', 1),
      })),
    )
    .execute();
}
