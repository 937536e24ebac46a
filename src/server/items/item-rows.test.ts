import { expect, test } from 'vitest';
import { demoUsers, otherUsers } from '../directory/directory';
import { generateData } from '../demo/generator';
import { describeOnEachEngine } from '../db/each-engine';
import { ensureUsers } from '../directory/users';
import { insertItems, readItems } from './item-rows';

const { items } = generateData({
  seed: 3,
  items: 1200,
  now: new Date('2026-11-30T12:00:00.000Z'),
  leaseSeconds: 300,
});

describeOnEachEngine('items in the database', (database, skip) => {
  test.skipIf(skip)(
    'every generated item comes back exactly as it went in, hostile text and leases included',
    async () => {
      const { db } = database();
      await db.transaction().execute(async (trx) => {
        await ensureUsers(trx, [...demoUsers, ...otherUsers], { demo: true });
        await insertItems(trx, items);
      });
      expect(items.some((i) => i.lease !== null)).toBe(true);
      expect(items.some((i) => i.preview.mode === 'hash_only')).toBe(true);
      const ids = items.map((i) => i.id);
      expect(await readItems(db, ids)).toEqual(items);
      expect(await readItems(db, ['itm_missing', ids[1] ?? ''])).toEqual([items[1]]);
    },
  );
});
