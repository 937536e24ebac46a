import type { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { endpoints } from '../../api/endpoints';
import type { User } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import { mountEndpoint } from '../http/mount-endpoint';
import { Refusal } from '../refusal';
import type { ServerContext } from '../server-context';
import { readOrganisationWellness } from './organisation-wellness';
import { dismissBreak, shiftOf } from './shift-store';

/** Everyone reads their own shift; supervisors, who look after their reviewers, anyone's. */
async function assertMayRead(trx: Transaction<Database>, reader: User, userId: string) {
  if (reader.id !== userId && reader.role !== 'supervisor')
    throw new Refusal('forbidden', 'forbidden', 'Only supervisors read another person’s exposure.');
  const known = await trx
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!known) throw new Refusal('not_found', 'not_found', `No user ${userId}.`);
}

/** The organisation's wellness defaults, and each person's exposure shift and break prompt. */
export function mountWellnessRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(app, server, endpoints.getOrganisationWellness, async ({ trx }) => ({
    body: await readOrganisationWellness(trx),
  }));

  mountEndpoint(app, server, endpoints.getExposureShift, async ({ trx, params, query, user }) => {
    await assertMayRead(trx, user, params.userId);
    return { body: await shiftOf(trx, params.userId, query.shiftHours, server.now()) };
  });

  // Not audited: it shows or hides a suggestion and changes nothing anyone is shown.
  mountEndpoint(app, server, endpoints.dismissBreak, async ({ trx, params, body, user }) => {
    if (user.id !== params.userId)
      throw new Refusal(
        'forbidden',
        'forbidden',
        'Only the person themselves dismisses their break.',
      );
    const now = server.now();
    await dismissBreak(trx, user.id, body.shiftStartedAt, now);
    return { body: await shiftOf(trx, user.id, body.shiftHours, now) };
  });
}
