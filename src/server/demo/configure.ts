import type { ServerContext } from '../server-context';
import { reseedDemoData, knobsOf } from './demo-data';
import { tamperAuditEvent } from './tamper-audit';
import {
  readDemoData,
  readDemoKnobs,
  writeDemoKnobs,
  type MockConfig,
  type MockConfigRequest,
} from './knobs';

/** The knobs in force: the stored data's and knobs', and this start's limits. */
export async function currentConfig(server: ServerContext, start: MockConfig): Promise<MockConfig> {
  const { db } = server.database;
  const [data, knobs] = await Promise.all([readDemoData(db), readDemoKnobs(db)]);
  return {
    seed: data?.seed ?? start.seed,
    items: data?.items ?? start.items,
    latency: knobs.latency,
    leaseSeconds: knobs.leaseSeconds,
    maxHeld: start.maxHeld,
    faults: knobs.faults,
    auditEvents: knobs.auditEvents,
    sessionIdleMinutes: start.sessionIdleMinutes,
    sessionMaxHours: start.sessionMaxHours,
  };
}

/**
 * Applies knobs. `reset` starts again from `start` (plus the knobs given), re-seeding the data
 * and so ending every session; a new seed or size, or more audit events than the log holds, also
 * re-seeds. The rest (latency, faults, lease) applies from the next call on, on every instance.
 * Turning the `tamper:audit` fault on edits the log's middle event behind the chain's back, once;
 * a log seeded again while the fault is on is tampered with again. Turning it off mends nothing:
 * the log stays tampered until it is seeded again.
 */
export async function configureDemo(
  server: ServerContext,
  start: MockConfig,
  { reset, ...knobs }: MockConfigRequest,
): Promise<MockConfig> {
  const { db } = server.database;
  const current = await currentConfig(server, start);
  const base = reset === true ? start : current;
  const next: MockConfig = {
    seed: knobs.seed ?? base.seed,
    items: knobs.items ?? base.items,
    latency: knobs.latency ?? base.latency,
    leaseSeconds: knobs.leaseSeconds ?? base.leaseSeconds,
    maxHeld: start.maxHeld,
    faults: knobs.faults ?? base.faults,
    auditEvents: knobs.auditEvents ?? base.auditEvents,
    sessionIdleMinutes: start.sessionIdleMinutes,
    sessionMaxHours: start.sessionMaxHours,
  };
  const head = await db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
  const regenerate =
    reset === true ||
    next.seed !== current.seed ||
    next.items !== current.items ||
    next.auditEvents > head.seq;
  if (regenerate) {
    await reseedDemoData(server.database, next, server.now(), server.mediaDir);
    await server.database.vacuum?.();
  } else await writeDemoKnobs(db, knobsOf(next));
  const tamper = 'tamper:audit';
  if (next.faults.includes(tamper) && (regenerate || !current.faults.includes(tamper)))
    await db.transaction().execute(async (trx) => {
      const { seq } = await trx.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
      await tamperAuditEvent(trx, Math.ceil(seq / 2));
    });
  server.review.leaseSeconds = next.leaseSeconds;
  return next;
}
