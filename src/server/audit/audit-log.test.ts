import { expect, test } from 'vitest';
import { GENESIS_HASH, auditHashInput } from '../../api/audit-canonical';
import { AuditEvent } from '../../api/schemas/audit';
import { sha256Hex } from '../../lib/sha256-hex';
import { describeOnEachEngine } from '../db/each-engine';
import { appendAuditEvents, auditHead, auditRange, type NewAuditEvent } from './audit-chain';

const newEvent = (n: number): NewAuditEvent => ({
  at: `2026-01-02T03:04:0${n}.000Z`,
  actor: { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' },
  action: 'session.started',
  subject: { type: 'session', id: 'usr_ana' },
  detail: { method: 'demo' },
});

// One database per engine, in order: empty, then one event, then five more.
describeOnEachEngine('the stored audit log', (database, skip) => {
  test.skipIf(skip)('an empty log has the genesis head', async () => {
    expect(await auditHead(database().db)).toEqual({ seq: 0, hash: GENESIS_HASH });
  });

  test.skipIf(skip)(
    'the first event links to the genesis hash and gets the fixed-vector hash',
    async () => {
      const { db } = database();
      const [first] = await db
        .transaction()
        .execute((trx) => appendAuditEvents(trx, [newEvent(5)]));
      expect(first?.seq).toBe(1);
      expect(first?.prevHash).toBe(GENESIS_HASH);
      expect(first?.hash).toBe('34baa5fa3c6a659c24cfeb05920d654bf3437db7da100813ee5f249a3ec375ff');
      expect(await auditRange(db, 1, 1)).toEqual([first]);
    },
  );

  test.skipIf(skip)(
    'appending keeps the chain: consecutive seq, each prevHash the previous hash, each hash recomputable',
    async () => {
      const { db } = database();
      for (let n = 0; n < 5; n++)
        await db.transaction().execute((trx) => appendAuditEvents(trx, [newEvent(n)]));
      const events = await auditRange(db, 1, 6);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      events.forEach((event, i) => {
        expect(AuditEvent.safeParse(event).success).toBe(true);
        expect(event.prevHash).toBe(i === 0 ? GENESIS_HASH : events[i - 1]?.hash);
        const { hash, ...rest } = event;
        expect(hash).toBe(sha256Hex(auditHashInput(rest)));
      });
      expect(await auditHead(db)).toEqual({ seq: 6, hash: events[5]?.hash });
    },
  );

  test.skipIf(skip)('a stored event does not change with its input', async () => {
    const { db } = database();
    const input = newEvent(1);
    const [event] = await db.transaction().execute((trx) => appendAuditEvents(trx, [input]));
    input.actor.name = 'Someone else';
    input.detail.method = 'forged';
    expect((await auditRange(db, event?.seq ?? 0, 1))[0]).toMatchObject({
      actor: { name: 'Ana Ortiz' },
      detail: { method: 'demo' },
    });
  });
});
