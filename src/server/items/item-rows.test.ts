import type { Kysely } from 'kysely';
import { expect, test } from 'vitest';
import type { FlaggedItem } from '../../api/schemas/item';
import type { Database } from '../db/tables';
import { demoUsers, otherUsers } from '../directory/directory';
import { generateData } from '../demo/generator';
import { describeOnEachEngine } from '../db/each-engine';
import { ensureUsers } from '../directory/users';
import { actionabilityScore, provenanceChecklist } from '../../domain/provenance-checklist';
import { insertItems, readItems } from './item-rows';
import { readListRows } from './list-rows';

const now = new Date('2026-11-30T12:00:00.000Z');
const generated = generateData({ seed: 3, items: 1200, now, leaseSeconds: 300 }).items;
const [first] = generated;
if (!first) throw new Error('no item generated');
/** Crawled a day after `now`, by a clock gone wrong: not a time a report can send until then. */
const crawledLater: FlaggedItem = {
  ...first,
  id: 'itm_crawled_later',
  preview:
    first.preview.mode === 'hash_only'
      ? first.preview
      : { mode: 'blurred', blurredUrl: '/api/items/itm_crawled_later/preview' },
  provenance: {
    ...first.provenance,
    acquisition: { ...first.provenance.acquisition, acquiredAt: null },
    origin: { ...first.provenance.origin, crawledAt: '2026-12-01T12:00:00.000Z' },
  },
};
const items = [...generated, crawledLater];

/** The items, stored once in each engine's database. */
const storedIn = new WeakSet<Kysely<Database>>();
async function store(db: Kysely<Database>) {
  if (storedIn.has(db)) return;
  storedIn.add(db);
  await db.transaction().execute(async (trx) => {
    await ensureUsers(trx, [...demoUsers, ...otherUsers], { demo: true });
    await insertItems(trx, items);
  });
}

describeOnEachEngine('items in the database', (database, skip) => {
  test.skipIf(skip)(
    'every generated item comes back exactly as it went in, hostile text and leases included',
    async () => {
      const { db } = database();
      await store(db);
      expect(items.some((i) => i.lease !== null)).toBe(true);
      expect(items.some((i) => i.preview.mode === 'hash_only')).toBe(true);
      const ids = items.map((i) => i.id);
      expect(await readItems(db, ids)).toEqual(items);
      expect(await readItems(db, ['itm_missing', ids[1] ?? ''])).toEqual([items[1]]);
    },
  );

  test.skipIf(skip)(
    'a list row, read without the rest of its item, says what the whole item says',
    async () => {
      const { db } = database();
      await store(db);
      const ids = items.map((i) => i.id);
      const completeness = new Set<string>();
      const expected = items.map((item) => {
        const score = actionabilityScore(provenanceChecklist(item, now));
        completeness.add(`${score.present}/${score.total}`);
        return {
          id: item.id,
          version: item.version,
          queueId: item.queueId,
          status: item.status,
          priority: item.priority,
          flaggedAt: item.flaggedAt,
          slaDueAt: item.slaDueAt,
          lease: item.lease,
          previewMode: item.preview.mode,
          topSignal: item.signals[0],
          supplier: { id: item.provenance.supplier.id, name: item.provenance.supplier.name },
          completeness: score,
        };
      });
      expect(completeness.size).toBeGreaterThan(3);
      expect(await readListRows(db, ids, now)).toEqual(expected);
      // Items stored before items kept their completeness: their provenance is checked instead.
      const some = ids.filter((_, i) => i % 3 === 0);
      await db
        .updateTable('items')
        .set({ completeness_timeless: null, completeness_incident_from: null })
        .where('id', 'in', some)
        .execute();
      expect(await readListRows(db, ids, now)).toEqual(expected);
      // The badge reads the clock: a crawl time after `now` counts once it has passed.
      const later = new Date('2026-12-02T00:00:00.000Z');
      const [before] = await readListRows(db, [crawledLater.id], now);
      const [after] = await readListRows(db, [crawledLater.id], later);
      expect(after?.completeness.present).toBe((before?.completeness.present ?? 0) + 1);
      expect(after?.completeness).toEqual(
        actionabilityScore(provenanceChecklist(crawledLater, later)),
      );
    },
  );
});
