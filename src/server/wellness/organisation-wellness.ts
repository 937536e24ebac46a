import type { Kysely, Transaction } from 'kysely';
import { OrganisationWellness } from '../../api/schemas/wellness';
import type { Database } from '../db/tables';

/**
 * The wellness defaults when the organisation set none: blur and grayscale on every preview,
 * reveals blur again after 10 s, a 15-minute exposure budget per 8-hour shift, previews locked
 * after 5 idle minutes.
 */
export const organisationWellness: OrganisationWellness = {
  blurStrength: 3,
  grayscale: true,
  reblurSeconds: 10,
  safeMode: false,
  exposureBudgetSeconds: 15 * 60,
  shiftHours: 8,
  idleLockMinutes: 5,
};

/** The settings row an organisation's administrators set its own defaults in. */
export const ORGANISATION_WELLNESS_KEY = 'wellness.organisation';

/**
 * The organisation's wellness defaults: its settings row, parsed with the contract's schema (a
 * row out of bounds is an error, never a guess), else the defaults above.
 */
export async function readOrganisationWellness(
  db: Kysely<Database> | Transaction<Database>,
): Promise<OrganisationWellness> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', ORGANISATION_WELLNESS_KEY)
    .executeTakeFirst();
  return row ? OrganisationWellness.parse(row.value) : organisationWellness;
}
