import { expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { appendAuditEvents, auditHead, auditRange } from '../audit/audit-chain';
import { describeOnEachEngine } from './each-engine';
import { createGroupCommit } from './group-commit';

describeOnEachEngine('group commit', (database, skip) => {
  test.skipIf(skip)(
    'concurrent changes share transactions; one that fails rolls back alone and is told why',
    async () => {
      const { db } = database();
      const sizes: number[] = [];
      const group = createGroupCommit(db, { maxBatch: 16, onBatch: (size) => sizes.push(size) });
      const before = await auditHead(db);
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          group.run(async (trx) => {
            await trx
              .insertInto('settings')
              .values({ key: `grouped.${i}`, value: JSON.stringify(i), version: 1 })
              .execute();
            await appendAuditEvents(trx, [
              {
                at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
                actor: { id: 'sys_test', name: 'Test', role: 'system' },
                action: 'item.viewed',
                subject: { type: 'item', id: `itm_${i}` },
                detail: { i },
              },
            ]);
            if (i % 10 === 7) throw new Error(`unit ${i} refused`);
            return i;
          }),
        ),
      );
      const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
      expect(refused).toEqual([7, 17, 27, 37]);
      expect(results[17]).toMatchObject({
        status: 'rejected',
        reason: { message: 'unit 17 refused' },
      });
      expect(results[18]).toEqual({ status: 'fulfilled', value: 18 });
      const kept = await db
        .selectFrom('settings')
        .select('key')
        .where('key', 'like', 'grouped.%')
        .execute();
      expect(kept).toHaveLength(36);
      // The first change found the queue empty and committed alone; the rest waited and shared.
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
      expect(sizes.length).toBeLessThanOrEqual(5);
      const head = await auditHead(db);
      expect(head.seq - before.seq).toBe(36);
      const events = await auditRange(db, 1, head.seq);
      const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
      expect(verifier.push(events)).toBeNull();
    },
  );
});
