import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from '../../lib/zod';
import { FilingStepName } from '../../api/schemas/filing';
import { FileViewedByEsp } from '../../api/schemas/report-file';
import { Actor } from '../../api/schemas/user';
import type { Database } from '../db/tables';

/** NCMEC's answer to a step as a run keeps it, the moment it arrives. */
export const KeptAnswer = z.object({
  result: z.object({
    code: z.int(),
    description: z.string(),
    reportId: z.optional(z.string()),
    fileId: z.optional(z.string()),
    md5: z.optional(z.string()),
    files: z.optional(z.readonly(z.array(z.string()))),
  }),
  /** The answer's bytes as received, in base64: recorded with the step byte for byte. */
  body: z.string(),
});
export type KeptAnswer = z.infer<typeof KeptAnswer>;

/**
 * The step a run is sending, written and committed before it is sent, with what recording its
 * answer needs: what it sends (`sent`, the document), and for a fileinfo the `fileViewedByEsp`
 * answer it carries and the audit position it was read at. NCMEC's answer is kept in it as soon
 * as it arrives (`answer`), before it is recorded. A later run that finds it knows the run before
 * died: with the answer, it records it; without, it knows NCMEC's answer never reached the server.
 * (Rows written before `viewed`, `afterSeq` and `answer` existed have none of them.)
 */
export const InFlight = z.object({
  step: FilingStepName,
  sha256: z.nullable(z.string()),
  at: z.string(),
  sent: z.nullable(z.string()),
  viewed: z.optional(z.nullable(FileViewedByEsp)),
  afterSeq: z.optional(z.int()),
  answer: z.optional(z.nullable(KeptAnswer)),
});
export type InFlight = z.infer<typeof InFlight>;

export interface ClaimedJob {
  id: string;
  reportId: string;
  requestedBy: Actor;
  inFlight: InFlight | null;
}

/** A run's lease ran out and another run took the job: this one must record nothing more. */
export class LeaseLost extends Error {
  constructor(jobId: string) {
    super(`the lease on filing job ${jobId} was lost`);
    this.name = 'LeaseLost';
  }
}

/**
 * Queues the filing of a report, in the caller's transaction: the decision to file (start, resume,
 * retract) and its job commit together or not at all.
 */
export async function queueFilingJob(
  trx: Transaction<Database>,
  reportId: string,
  requestedBy: Actor,
  now: Date,
) {
  await trx
    .insertInto('filing_jobs')
    .values({
      id: `fjob_${randomUUID()}`,
      report_id: reportId,
      state: 'queued',
      requested_by: JSON.stringify(requestedBy),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Claims the oldest queued job whose lease is free or ran out, for `owner` until `now + leaseMs`.
 * `SKIP LOCKED`: instances claiming at once take different jobs instead of queueing on one.
 */
export async function claimFilingJob(
  db: Kysely<Database>,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<ClaimedJob | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('filing_jobs')
      .select(['id', 'report_id', 'requested_by', 'in_flight'])
      .where('state', '=', 'queued')
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)]))
      .orderBy('created_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return null;
    await trx
      .updateTable('filing_jobs')
      .set({
        lease_owner: owner,
        lease_expires_at: new Date(now.getTime() + leaseMs),
        attempts: sql`attempts + 1`,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    return {
      id: row.id,
      reportId: row.report_id,
      requestedBy: Actor.parse(row.requested_by),
      inFlight: row.in_flight === null ? null : InFlight.parse(row.in_flight),
    };
  });
}

/**
 * Renews the lease in the caller's transaction, and sets what is in flight; throws `LeaseLost`
 * when the job is no longer this owner's (its lease ran out and another run claimed it).
 */
export async function holdLease(
  trx: Transaction<Database>,
  job: ClaimedJob,
  owner: string,
  now: Date,
  leaseMs: number,
  inFlight: InFlight | null,
) {
  const result = await trx
    .updateTable('filing_jobs')
    .set({
      lease_expires_at: new Date(now.getTime() + leaseMs),
      in_flight: inFlight === null ? null : JSON.stringify(inFlight),
      updated_at: now,
    })
    .where('id', '=', job.id)
    .where('state', '=', 'queued')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new LeaseLost(job.id);
  job.inFlight = inFlight;
}

/**
 * Keeps NCMEC's answer with the step in flight, committed before anything is made of it: a run
 * that dies while recording it leaves the answer for the next run, which records it instead of
 * sending the step again. Throws `LeaseLost` when the job is no longer this owner's: its answer
 * is then not this run's to keep.
 */
export async function keepAnswer(
  db: Kysely<Database>,
  job: ClaimedJob,
  owner: string,
  now: Date,
  leaseMs: number,
  answer: KeptAnswer,
) {
  const inFlight = job.inFlight;
  if (inFlight === null) throw new Error(`filing job ${job.id} has no step in flight`);
  await db
    .transaction()
    .execute((trx) => holdLease(trx, job, owner, now, leaseMs, { ...inFlight, answer }));
}

/** The filing ran out (filed, stopped or retracted): nothing more to run for this job. */
export async function closeFilingJob(
  trx: Transaction<Database>,
  job: ClaimedJob,
  owner: string,
  now: Date,
) {
  const result = await trx
    .updateTable('filing_jobs')
    .set({
      state: 'done',
      lease_owner: null,
      lease_expires_at: null,
      in_flight: null,
      updated_at: now,
    })
    .where('id', '=', job.id)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new LeaseLost(job.id);
}

/** A run pausing on purpose hands the job back at once, for the next run to go on with. */
export async function releaseFilingJob(
  db: Kysely<Database>,
  job: ClaimedJob,
  owner: string,
  now: Date,
) {
  await db
    .updateTable('filing_jobs')
    .set({ lease_owner: null, lease_expires_at: null, updated_at: now })
    .where('id', '=', job.id)
    .where('lease_owner', '=', owner)
    .execute();
}
