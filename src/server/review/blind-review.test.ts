import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { User } from '../../api/schemas/user';
import { auditHead, auditRange } from '../audit/audit-chain';
import { generateData } from '../demo/generator';
import { demoUsers } from '../directory/directory';
import {
  openTestServer,
  postgresSkipReason,
  TEST_NOW,
  type TestServer,
} from '../testing/test-server';
import {
  barVerdictReaders,
  blindItemsFor,
  isBlindFor,
  readingBarsFrom,
  sampledForSecondReview,
} from './blind-review';
import { PDQ_CLUSTER_DISTANCE, clusterMemberIds } from './cluster-members';

const user = (id: string): User => {
  const found = demoUsers.find((u) => u.id === id);
  if (!found) throw new Error(id);
  return found;
};

test('a quarter of dismissals, drawn by a keyed hash: the same for a resend, another for another key', () => {
  const ids = Array.from({ length: 4000 }, (_, i) => ({ id: `itm_${i}`, version: 1 }));
  const drawn = ids.filter((item) => sampledForSecondReview('secret', item));
  expect(drawn.length / ids.length).toBeGreaterThan(0.22);
  expect(drawn.length / ids.length).toBeLessThan(0.28);
  expect(ids.filter((item) => sampledForSecondReview('secret', item))).toEqual(drawn);
  expect(ids.filter((item) => sampledForSecondReview('other', item))).not.toEqual(drawn);
});

const hamming = (a: string, b: string) => {
  let bits = 0;
  for (let i = 0; i < a.length; i += 8) {
    let x = (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0;
    for (; x !== 0; x >>>= 1) bits += x & 1;
  }
  return bits;
};

describe.each([
  { engine: 'pglite' as const, skip: false },
  { engine: 'postgresql' as const, skip: postgresSkipReason !== null },
])('the blind second review on $engine', ({ engine, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await openTestServer({ engine });
  }, 120_000);
  afterAll(async () => {
    if (!skip) await server.close();
  });

  test.skipIf(skip)('an item’s cluster: the same SHA-256, or a PDQ within 31 bits', async () => {
    const { items } = generateData({ seed: 1, items: 300, now: TEST_NOW, leaseSeconds: 300 });
    let clustered = 0;
    for (const anchor of items) {
      const expected = items
        .filter(
          (other) =>
            other.id !== anchor.id &&
            (other.media.sha256 === anchor.media.sha256 ||
              (other.media.pdq !== null &&
                anchor.media.pdq !== null &&
                hamming(other.media.pdq, anchor.media.pdq) <= PDQ_CLUSTER_DISTANCE)),
        )
        .map((other) => other.id)
        .sort();
      if (expected.length > 0) clustered++;
      expect(await clusterMemberIds(server.database.db, anchor.id)).toEqual(expected);
    }
    expect(clustered).toBeGreaterThan(0);
  });

  test.skipIf(skip)(
    'the first verdict is withheld from who may still second-review; reading it in the log bars them, once, on the record',
    async () => {
      const { db } = server.database;
      const waiting = await db
        .selectFrom('items')
        .innerJoin('decisions', 'decisions.item_id', 'items.id')
        .select(['items.id', 'items.status', 'decisions.actor_id'])
        .where('items.status', '=', 'awaiting_second_review')
        .where('decisions.stage', '=', 'first')
        .where('decisions.actor_id', '<>', 'usr_mira')
        .executeTakeFirstOrThrow();
      const item = { id: waiting.id, status: waiting.status };
      const mira = user('usr_mira');
      expect(await isBlindFor(db, item, mira)).toBe(true);
      expect(await isBlindFor(db, item, user('usr_alex'))).toBe(false);
      expect(await readingBarsFrom(db, item, mira)).toBe(true);
      const verdicts = (await auditRange(db, 1, (await auditHead(db)).seq)).filter(
        (e) => e.subject.id === item.id && e.action === 'item.decided',
      );
      expect(verdicts.length).toBeGreaterThan(0);
      await db
        .insertInto('claims')
        .values({
          item_id: item.id,
          holder_id: mira.id,
          window_id: null,
          claimed_at: TEST_NOW,
          expires_at: new Date(TEST_NOW.getTime() + 300_000),
        })
        .onConflict((oc) => oc.column('item_id').doUpdateSet({ holder_id: mira.id }))
        .execute();
      const barred = await db
        .transaction()
        .execute((trx) => barVerdictReaders(trx, mira, verdicts, TEST_NOW));
      expect(barred).toEqual([item.id]);
      const head = await auditHead(db);
      expect((await auditRange(db, head.seq, 1))[0]).toMatchObject({
        action: 'item.second_review_barred',
        actor: { id: mira.id },
        subject: { type: 'item', id: item.id },
        detail: { reason: 'read_first_verdict', auditSeq: verdicts[0]?.seq, released: true },
      });
      expect(
        await db.selectFrom('claims').selectAll().where('item_id', '=', item.id).execute(),
      ).toEqual([]);
      expect(await isBlindFor(db, item, mira)).toBe(false);
      expect(await blindItemsFor(db, [item], user('usr_sasha'))).toEqual(
        new Set(waiting.actor_id === 'usr_sasha' ? [] : [item.id]),
      );
      // Reading it again bars nothing more.
      expect(
        await db.transaction().execute((trx) => barVerdictReaders(trx, mira, verdicts, TEST_NOW)),
      ).toEqual([]);
      expect((await auditHead(db)).seq).toBe(head.seq);
    },
  );

  test.skipIf(skip)(
    'events given as a function are read only for a reader who could be barred',
    async () => {
      const { db } = server.database;
      const events = await auditRange(db, 1, (await auditHead(db)).seq);
      const reads: string[] = [];
      const readBy = (reader: User) => () => {
        reads.push(reader.id);
        return events.filter((e) => e.subject.type !== 'item');
      };
      for (const reader of [user('usr_alex'), user('usr_ana')])
        expect(
          await db
            .transaction()
            .execute((trx) => barVerdictReaders(trx, reader, readBy(reader), TEST_NOW)),
        ).toEqual([]);
      expect(reads).toEqual(['usr_ana']);
    },
  );
});
