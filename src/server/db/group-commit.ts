import { sql, type Kysely, type Transaction } from 'kysely';
import {
  heldAuditHead,
  holdAuditHead,
  moveHeldAuditHead,
  writeHeldAuditHead,
} from '../audit/held-head';
import type { Database } from './tables';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Unit {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  changes: boolean;
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
   * of its own (alone, in the transaction itself): what one throws rolls back only itself and is
   * thrown to its caller; the rest commit together. Work that `changes` nothing (a read) spares its batch the chain's head.
   */
  run<T>(work: Work<T>, options?: { changes?: boolean }): Promise<T>;
}

/** How many times work the database keeps rolling back runs before its error is thrown. */
const ATTEMPTS = 5;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Group commit for one server instance. A durable commit waits for the disk (an fsync of the
 * write-ahead log, about 5 ms here), and every change that is audited holds the audit chain's head
 * until it commits: one change per commit would cap every instance together at the disk's syncs per
 * second. Work that arrives while a transaction runs waits and goes into the next one, up to
 * `maxBatch` units, so under load one lock and one sync serve many changes; alone, a change commits
 * at once. A batch that changes anything takes the chain's head before it runs, since its first
 * audited change would take it anyway and keep it to the commit: the units after that one would
 * then lock rows while holding the head, and another instance's transaction holding one of those
 * rows while it waits for the head would close a deadlock. So batches of several instances queue
 * on the head before they hold any row. The batch keeps the head in memory (`held-head.ts`): its
 * units chain their events from it, and it is written once, before the commit.
 *
 * A batch the database rolls back as a whole (a deadlock or a serialization failure with another
 * instance) is run again, each unit in a transaction of its own, and a unit rolled back so again
 * runs again after a short random pause, up to `ATTEMPTS` times: only then is the database's
 * error thrown to its caller.
 */
export function createGroupCommit(
  db: Kysely<Database>,
  {
    maxBatch = 64,
    onBatch,
    onRetry,
  }: {
    maxBatch?: number;
    /** Told each batch's size as it commits: for benchmarks and tests. */
    onBatch?: (size: number) => void;
    /** Told each time the database rolled a batch back and it runs again: for tests. */
    onRetry?: (error: unknown) => void;
  } = {},
): GroupCommit {
  const queue: Unit[] = [];
  let draining = false;

  async function runInSavepoint(trx: Transaction<Database>, unit: Unit) {
    await sql`savepoint grouped`.execute(trx);
    const head = heldAuditHead(trx);
    try {
      const value = await unit.work(trx);
      await sql`release savepoint grouped`.execute(trx);
      return { ok: true as const, value };
    } catch (error) {
      if (isRetryable(error)) throw error;
      await sql`rollback to savepoint grouped`.execute(trx);
      await sql`release savepoint grouped`.execute(trx);
      if (head) moveHeldAuditHead(trx, head); // what it appended is gone
      return { ok: false as const, error };
    }
  }

  async function runBatch(batch: Unit[]) {
    const outcomes = await db.transaction().execute(async (trx) => {
      if (batch.some((unit) => unit.changes)) await holdAuditHead(trx);
      const done = [];
      // Alone, a unit needs no savepoint: what it throws rolls back the transaction, its own.
      const [alone] = batch.length === 1 ? batch : [];
      if (alone) done.push({ ok: true as const, value: await alone.work(trx) });
      else for (const unit of batch) done.push(await runInSavepoint(trx, unit));
      await writeHeldAuditHead(trx);
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

  /** Runs the batch; when the database rolls it back, each unit again on its own. */
  async function runRetrying(batch: Unit[]) {
    try {
      await runBatch(batch);
      return;
    } catch (error) {
      if (!isRetryable(error)) {
        for (const unit of batch) unit.reject(error);
        return;
      }
      onRetry?.(error);
    }
    for (const unit of batch) {
      for (let attempt = 2; ; attempt++) {
        try {
          await runBatch([unit]);
          break;
        } catch (error) {
          if (!isRetryable(error) || attempt === ATTEMPTS) {
            unit.reject(error);
            break;
          }
          onRetry?.(error);
          await pause(Math.random() * 20 * attempt);
        }
      }
    }
  }

  async function drain() {
    if (draining) return;
    draining = true;
    try {
      while (queue.length > 0) await runRetrying(queue.splice(0, maxBatch));
    } finally {
      draining = false;
    }
  }
  return {
    run<T>(work: Work<T>, { changes = true }: { changes?: boolean } = {}) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject, changes });
        void drain();
      });
    },
  };
}
