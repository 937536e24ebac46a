import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './tables';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Unit {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** PostgreSQL's codes for a transaction it rolled back to keep others consistent. */
const RETRYABLE = new Set(['40001', '40P01']);
const isRetryable = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  typeof error.code === 'string' &&
  RETRYABLE.has(error.code);

export interface GroupCommit {
  /**
   * Runs `work` in a transaction shared with the other work queued meanwhile, each in a savepoint
   * of its own: what one throws rolls back only itself and is thrown to its caller; the rest
   * commit together.
   */
  run<T>(work: Work<T>): Promise<T>;
}

/**
 * Group commit for one server instance. A durable commit waits for the disk (an fsync of the
 * write-ahead log, about 5 ms here), and every change that is audited holds the audit chain's head
 * until it commits: one change per commit would cap every instance together at the disk's syncs per
 * second. Work that arrives while a transaction runs waits and goes into the next one, up to
 * `maxBatch` units, so under load one lock and one sync serve many changes; alone, a change commits
 * at once. A batch the database rolls back as a whole (a deadlock or a serialization failure with
 * another instance) is run again, each unit in a transaction of its own.
 */
export function createGroupCommit(
  db: Kysely<Database>,
  {
    maxBatch = 64,
    onBatch,
  }: {
    maxBatch?: number;
    /** Told each batch's size as it commits: for benchmarks and tests. */
    onBatch?: (size: number) => void;
  } = {},
): GroupCommit {
  const queue: Unit[] = [];
  let draining = false;

  async function runInSavepoint(trx: Transaction<Database>, unit: Unit) {
    await sql`savepoint grouped`.execute(trx);
    try {
      const value = await unit.work(trx);
      await sql`release savepoint grouped`.execute(trx);
      return { ok: true as const, value };
    } catch (error) {
      if (isRetryable(error)) throw error;
      await sql`rollback to savepoint grouped`.execute(trx);
      await sql`release savepoint grouped`.execute(trx);
      return { ok: false as const, error };
    }
  }

  async function runBatch(batch: Unit[]) {
    const outcomes = await db.transaction().execute(async (trx) => {
      const done = [];
      for (const unit of batch) done.push(await runInSavepoint(trx, unit));
      return done;
    });
    onBatch?.(batch.length);
    outcomes.forEach((outcome, i) => {
      const unit = batch[i];
      if (!unit) return;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }

  async function drain() {
    if (draining) return;
    draining = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        try {
          await runBatch(batch);
        } catch (error) {
          if (!isRetryable(error) || batch.length === 1) {
            for (const unit of batch) unit.reject(error);
            continue;
          }
          for (const unit of batch)
            await db.transaction().execute(unit.work).then(unit.resolve, unit.reject);
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    run<T>(work: Work<T>) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        void drain();
      });
    },
  };
}
