import type { Transaction } from 'kysely';
import type { User } from '../../api/schemas/user';
import type { Database } from '../db/tables';

/** Makes sure these users exist as given (a start-up step: the directory the server knows). */
export async function ensureUsers(
  trx: Transaction<Database>,
  users: readonly User[],
  { demo }: { demo: boolean },
) {
  if (users.length === 0) return;
  await trx
    .insertInto('users')
    .values(users.map((u) => ({ id: u.id, name: u.name, role: u.role, email: u.email, demo })))
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        role: eb.ref('excluded.role'),
        email: eb.ref('excluded.email'),
        demo: eb.ref('excluded.demo'),
      })),
    )
    .execute();
}
