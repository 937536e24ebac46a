import { expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { describeOnEachEngine } from '../db/each-engine';
import {
  appendAuditEvents,
  appendChainedEvents,
  auditHead,
  auditRange,
  chainEvents,
  type NewAuditEvent,
} from './audit-chain';

const viewed = (n: number, by: string): NewAuditEvent => ({
  at: new Date(Date.UTC(2026, 1, 28, 23, 59, 59, n % 1000)).toISOString(),
  actor: { id: by, name: `Reviewer ${by}`, role: 'analyst' },
  action: 'item.viewed',
  subject: { type: 'item', id: `itm_${n}` },
  detail: { n, hostile: '<script>\u202E\u2028', nothing: null, yes: true },
});

describeOnEachEngine('the audit chain', (database, skip) => {
  test.skipIf(skip)(
    'appends from many transactions at once make one chain: no gap, no fork',
    async () => {
      const { db } = database();
      const before = await auditHead(db);
      expect(before).toEqual({ seq: 0, hash: GENESIS_HASH });
      // 12 writers, each appending 5 batches of 4 events in a transaction per batch.
      const writer = async (w: number) => {
        for (let batch = 0; batch < 5; batch++)
          await db.transaction().execute((trx) =>
            appendAuditEvents(
              trx,
              Array.from({ length: 4 }, (_, i) => viewed(w * 100 + batch * 4 + i, `usr_${w}`)),
            ),
          );
      };
      await Promise.all(Array.from({ length: 12 }, (_, w) => writer(w)));
      const events = await auditRange(db, 1, 1000);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
      const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
      expect(verifier.push(events)).toBeNull();
      const last = events.at(-1);
      expect(await auditHead(db)).toEqual({ seq: 240, hash: last?.hash });
      // What was stored is what was hashed: hostile text and all, byte for byte.
      expect(events[0]?.detail).toMatchObject({ hostile: '<script>\u202E\u2028', nothing: null });
    },
  );

  test.skipIf(skip)(
    'a transaction rolled back appended nothing: the next append continues the chain',
    async () => {
      const { db } = database();
      const head = await auditHead(db);
      await expect(
        db.transaction().execute(async (trx) => {
          await appendAuditEvents(trx, [viewed(1, 'usr_gone')]);
          throw new Error('the change failed after its audit event');
        }),
      ).rejects.toThrow('the change failed');
      expect(await auditHead(db)).toEqual(head);
      const [next] = await db
        .transaction()
        .execute((trx) => appendAuditEvents(trx, [viewed(2, 'usr_next')]));
      expect(next).toMatchObject({ seq: head.seq + 1, prevHash: head.hash });
    },
  );

  test.skipIf(skip)(
    'events chained beforehand go in only after the head they were chained from',
    async () => {
      const { db } = database();
      const head = await auditHead(db);
      const chained = chainEvents(head, [viewed(3, 'usr_bulk'), viewed(4, 'usr_bulk')]);
      // Another append moves the head after the events were chained: they would fork the chain.
      await db.transaction().execute((trx) => appendAuditEvents(trx, [viewed(5, 'usr_between')]));
      await expect(
        db.transaction().execute((trx) => appendChainedEvents(trx, chained)),
      ).rejects.toThrow(`cannot follow the audit chain's head at seq ${head.seq + 1}`);
      expect((await auditHead(db)).seq).toBe(head.seq + 1);

      const moved = await auditHead(db);
      const rechained = chainEvents(moved, [viewed(3, 'usr_bulk'), viewed(4, 'usr_bulk')]);
      await db.transaction().execute(async (trx) => {
        await appendChainedEvents(trx, rechained.slice(0, 1));
        await appendChainedEvents(trx, rechained.slice(1));
      });
      const events = await auditRange(db, 1, 1000);
      const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
      expect(verifier.push(events)).toBeNull();
      expect(await auditHead(db)).toEqual({ seq: moved.seq + 2, hash: rechained[1]?.hash });
    },
  );
});
