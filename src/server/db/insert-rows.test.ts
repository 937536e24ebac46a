import { sql } from 'kysely';
import { expect, test } from 'vitest';
import hostile from '../demo/fixtures/hostile-strings.json';
import { insertRows } from './bulk-load';
import { describeOnEachEngine } from './each-engine';

describeOnEachEngine('rows inserted many at once', (database, skip) => {
  test.skipIf(skip)(
    'rows inserted many at once come back as they went in: hostile text, blanks apart from nulls, booleans, times, JSON',
    async () => {
      const { db } = database();
      // PostgreSQL cannot store U+0000; the contract refuses it before anything is stored. PGlite
      // reads a text column that starts with U+FEFF without it, however it was written (its
      // reader decodes each value as a document, byte-order mark and all): not a loader's doing.
      const texts = [
        ...hostile.html,
        ...hostile.urls,
        ...hostile.text,
        ...hostile.csv,
        ',',
        '\\N',
        '\\.',
        'a\\tb\\',
        'tab\tand\nnew line\r\n',
        'Latin-1 only: café ÿ',
        'beyond it: 漢字 → “quotes” and an astral 🧪, tab\t after',
      ].filter((text) => !text.includes('\u0000') && !text.startsWith('\uFEFF'));
      const rows = Array.from({ length: 250 }, (_, i) => i);
      const users = rows.map((i) => ({
        id: `usr_bulk_${i}`,
        name: texts[i % texts.length] ?? '',
        role: 'analyst' as const,
        email: `bulk${i}@example.com`,
        demo: i % 2 === 0,
      }));
      const sessions = rows.map((i) => ({
        token_hash: `bulk-${i}`,
        id: `ses_bulk_${i}`,
        user_id: `usr_bulk_${i}`,
        started_at: new Date(Date.UTC(2026, 2, 2, 12, 0, i)),
        last_used_at: new Date(Date.UTC(2026, 2, 2, 12, 5, i)).toISOString(),
        ended_at: i % 3 === 0 ? null : new Date(Date.UTC(2026, 2, 2, 13, 0, i)),
        end_reason: [null, '', texts[i % texts.length] ?? ''][i % 3] ?? null,
        ended: i % 2 === 0 ? null : JSON.stringify({ says: texts[i % texts.length] }),
      }));
      await db.transaction().execute(async (trx) => {
        await insertRows(trx, 'users', users);
        await insertRows(trx, 'sessions', sessions);
      });
      const storedUsers = await db
        .selectFrom('users')
        .selectAll()
        .where('id', 'like', 'usr_bulk_%')
        .execute();
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(storedUsers.sort(byId)).toEqual([...users].sort(byId));
      const storedSessions = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', 'like', 'ses_bulk_%')
        .execute();
      expect(storedSessions.sort(byId)).toEqual(
        sessions
          .map((s) => ({
            ...s,
            last_used_at: new Date(s.last_used_at),
            ended: s.ended === null ? null : (JSON.parse(s.ended) as unknown),
          }))
          .sort(byId),
      );
    },
  );

  test.skipIf(skip)(
    'a row that cannot be made while COPY reads the input stops it: nothing is kept, and the connection goes on',
    async () => {
      const { db } = database();
      const ids = Array.from({ length: 500 }, (_, i) => i);
      const row = (i: number) => ({
        id: `usr_unmade_${i}`,
        name: `Unmade ${i}`,
        role: 'analyst' as const,
        email: `unmade${i}@example.com`,
        demo: false,
      });
      await expect(
        db.transaction().execute((trx) =>
          insertRows(trx, 'users', ids, (i) => {
            if (i === 350) throw new Error('row 350 cannot be made');
            return row(i);
          }),
        ),
      ).rejects.toThrow('row 350 cannot be made');
      await db.transaction().execute((trx) => insertRows(trx, 'users', ids, row));
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from users where id like 'usr_unmade_%'`.execute(db);
      expect(rows).toEqual([{ n: 500 }]);
    },
  );

  // A refusal of the last row arrives once all the input is in; of the first row of megabytes,
  // while the input is still being sent, which must then stop without breaking the connection.
  // Of the last row of megabytes, after PGlite has taken the first part of them.
  test.skipIf(skip).each([
    { bad: 'last', count: 300, nameLength: 10 },
    { bad: 'first', count: 4000, nameLength: 1000 },
    { bad: 'last', count: 4000, nameLength: 1000 },
  ])(
    'rows many at once whose $bad of $count breaks a constraint are refused, nothing of them is kept, and the connection goes on',
    async ({ bad, count, nameLength }) => {
      const { db } = database();
      const badIndex = bad === 'first' ? 0 : count - 1;
      const users = Array.from({ length: count }, (_, i) => ({
        id: `usr_refused_${bad}_${count}_${i}`,
        name: `Refused ${i} `.padEnd(nameLength, 'x'),
        role: i === badIndex ? ('visitor' as 'analyst') : ('analyst' as const),
        email: `refused_${bad}_${count}_${i}@example.com`,
        demo: false,
      }));
      await expect(
        db.transaction().execute((trx) => insertRows(trx, 'users', users)),
      ).rejects.toThrow(/check constraint/);
      const prefix = `usr_refused_${bad}_${count}_%`;
      const kept = await db.selectFrom('users').select('id').where('id', 'like', prefix).execute();
      expect(kept).toEqual([]);
      const good = users.filter((_, i) => i !== badIndex);
      await db.transaction().execute((trx) => insertRows(trx, 'users', good));
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from users where id like ${prefix}`.execute(db);
      expect(rows).toEqual([{ n: count - 1 }]);
    },
  );
});
