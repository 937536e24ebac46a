import { sql, type Transaction } from 'kysely';
import type { ExposureShift } from '../../api/schemas/wellness';
import type { Database } from '../db/tables';
import { exposureShift, shiftLength } from './exposure-shift';
import { readOrganisationWellness } from './organisation-wellness';

const HOUR_MS = 3_600_000;

/**
 * The latest of the person's reveals (up to `now`) that certainly started a shift: the first
 * ever, or one at least a shift's length after the reveal before it (any shift running then had
 * ended). Walking the reveals from there finds the same running shift as walking them all.
 */
async function lastCertainStart(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
  lengthMs: number,
): Promise<Date | null> {
  const { rows } = await sql<{ anchor: Date | null }>`
    select max(started_at) as anchor from (
      select started_at, lag(started_at) over (order by started_at) as previous
      from reveals where user_id = ${userId} and started_at <= ${now}
    ) ordered
    where previous is null or started_at >= previous + ${lengthMs} * interval '1 millisecond'
  `.execute(trx);
  return rows[0]?.anchor ?? null;
}

/** The start of the shift whose break prompt the person dismissed, if any. */
async function dismissedShift(trx: Transaction<Database>, userId: string) {
  const row = await trx
    .selectFrom('break_dismissals')
    .select('shift_started_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.shift_started_at.getTime();
}

/**
 * One person's running shift, from every reveal of theirs the server recorded: in any session,
 * browser or server instance (one range read on the person's reveals).
 */
export async function shiftOf(
  trx: Transaction<Database>,
  userId: string,
  chosenHours: number | undefined,
  now: Date,
): Promise<ExposureShift> {
  const org = await readOrganisationWellness(trx);
  const shiftHours = shiftLength(org, chosenHours);
  const anchor = await lastCertainStart(trx, userId, now, shiftHours * HOUR_MS);
  const reveals =
    anchor === null
      ? []
      : await trx
          .selectFrom('reveals')
          .select(['started_at', 'ended_at'])
          .where('user_id', '=', userId)
          .where('started_at', '>=', anchor)
          .where('started_at', '<=', now)
          .orderBy('started_at')
          .execute();
  return exposureShift({
    userId,
    reveals: reveals.map((r) => ({
      startedAt: r.started_at.getTime(),
      endedAt: r.ended_at?.getTime() ?? null,
    })),
    now: now.getTime(),
    shiftHours,
    org,
    dismissedShift: await dismissedShift(trx, userId),
  });
}

/** Keeps "dismiss for this shift": one row per person, the shift it was made in. */
export async function dismissBreak(
  trx: Transaction<Database>,
  userId: string,
  shiftStartedAt: string,
  now: Date,
) {
  await trx
    .insertInto('break_dismissals')
    .values({ user_id: userId, shift_started_at: shiftStartedAt, dismissed_at: now })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ shift_started_at: shiftStartedAt, dismissed_at: now }),
    )
    .execute();
}
