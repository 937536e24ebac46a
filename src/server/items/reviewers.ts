import type { Transaction } from 'kysely';
import type { ReviewerList } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import { demoUsers, otherUsers } from '../directory/directory';

/** The directory's own order first (the demo's people as its sign-in screen lists them), then by name. */
const directoryOrder = new Map([...demoUsers, ...otherUsers].map((u, index) => [u.id, index]));
const rank = (id: string) => directoryOrder.get(id) ?? directoryOrder.size;

/** The analysts and supervisors an item may be handed to: everyone but the auditors. */
export async function listReviewers(
  trx: Transaction<Database>,
): Promise<ReviewerList['reviewers']> {
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('role', '<>', 'auditor')
    .orderBy('name')
    .execute();
  return rows.sort((a, b) => rank(a.id) - rank(b.id));
}
