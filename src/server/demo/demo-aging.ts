import { sql, type Transaction } from 'kysely';
import { preservationDeadline } from '../../domain/preservation';
import type { Database } from '../db/tables';
import { readReports, saveReport } from '../reports/report-rows';
import { sessionTokenHash } from '../sessions/session-store';

/**
 * The demo's ways to let time pass for one thing only, on a server everyone shares: a session, a
 * filed report, the reveals showing. Each moves stored times back; nothing else is changed, and
 * the audit log keeps the real times.
 */

type Trx = Transaction<Database>;

const back = (at: Date | string, ms: number) => new Date(new Date(at).getTime() - ms);

/**
 * Moves the token's live session's start and last use back by `ms`, as if that much time had
 * passed for it alone, so one browser's session can be seen to expire. False when there is none.
 */
export async function ageSession(trx: Trx, token: string, ms: number): Promise<boolean> {
  const updated = await trx
    .updateTable('sessions')
    .set((eb) => ({
      started_at: sql<Date>`${eb.ref('started_at')} - make_interval(secs => ${ms / 1000})`,
      last_used_at: sql<Date>`${eb.ref('last_used_at')} - make_interval(secs => ${ms / 1000})`,
    }))
    .where('token_hash', '=', sessionTokenHash(token))
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/**
 * A filed report, as if filed `days` earlier: its filing's times and its preservation deadline
 * move back. False when there is no such filed report.
 */
export async function ageFiledReport(trx: Trx, reportId: string, days: number): Promise<boolean> {
  const found = await trx
    .selectFrom('reports')
    .select('id')
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
  const [report] = found ? await readReports(trx, [reportId]) : [];
  if (!report?.filed || !report.filing) return false;
  const ms = days * 86_400_000;
  const filedAt = back(report.filed.filedAt, ms).toISOString();
  const { filing } = report;
  await saveReport(
    trx,
    {
      ...report,
      filed: { ...report.filed, filedAt, preservationDeadline: preservationDeadline(filedAt) },
      filing: {
        ...filing,
        startedAt: back(filing.startedAt, ms).toISOString(),
        steps: filing.steps.map((step) =>
          step.at ? { ...step, at: back(step.at, ms).toISOString() } : step,
        ),
      },
    },
    report.version,
  );
  return true;
}

/**
 * Moves the start of the user's reveals still showing back by `seconds`, so an exposure budget can
 * be seen to fill up without staring at media for minutes. How many were moved.
 */
export async function ageShowingReveals(trx: Trx, userId: string, seconds: number) {
  const updated = await trx
    .updateTable('reveals')
    .set((eb) => ({
      started_at: sql<Date>`${eb.ref('started_at')} - make_interval(secs => ${seconds})`,
    }))
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows);
}
