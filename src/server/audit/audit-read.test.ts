import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { createChainVerifier } from '../../domain/audit-verification';
import { describeOnEachEngine } from '../db/each-engine';
import hostile from '../demo/fixtures/hostile-strings.json';
import { appendAuditEvents, sha256Hex, type NewAuditEvent } from './audit-chain';
import { eventsJson, parseEvents, readEvents } from './audit-read';

// U+0000 aside: PostgreSQL cannot store it, and the contract refuses it at the boundary.
const strings = [
  ...hostile.html,
  ...hostile.urls,
  ...hostile.text,
  ...hostile.csv,
  ...hostile.xml,
].filter((text) => !text.includes('\u0000'));
const numbers = [0, -1, 0.1 + 0.2, 1e21, 2 ** 53 + 2, -1.5e-7, Number.MAX_VALUE];

/** Every hostile string in a name and a detail, numbers JSON writes in every form, odd instants. */
const newEvents: NewAuditEvent[] = [
  ...strings.map((text, i) => ({
    at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, i)).toISOString(),
    actor: { id: 'usr_x', name: text, role: 'analyst' as const },
    action: 'item.viewed' as const,
    subject: { type: 'item' as const, id: `itm_${i}` },
    detail: { note: text, [text]: i, empty: '', nothing: null, yes: true },
  })),
  ...numbers.map((n, i) => ({
    at: ['1970-01-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z'][i % 2] ?? '',
    actor: { id: 'usr_x', name: 'Numbers', role: 'system' as const },
    action: 'report.filing_step' as const,
    subject: { type: 'report' as const, id: 'rpt_1' },
    detail: { n },
  })),
];

describeOnEachEngine('events read as the JSON the database writes', (database, skip) => {
  test.skipIf(skip)(
    'hostile strings, numbers and instants come back exactly as chained, and every hash holds',
    async () => {
      const { db } = database();
      const chained = await db.transaction().execute((trx) => appendAuditEvents(trx, newEvents));
      const read = await readEvents(db, db.selectFrom('audit_events').selectAll());
      expect(read).toEqual(chained);
      const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
      expect(verifier.push(read)).toBeNull();
    },
  );

  test.skipIf(skip)('the time is in UTC whatever the session’s time zone', async () => {
    const { db } = database();
    const inUtc = await readEvents(db, db.selectFrom('audit_events').selectAll());
    const elsewhere = await db.transaction().execute(async (trx) => {
      await sql`set local time zone 'Asia/Kathmandu'`.execute(trx);
      return readEvents(trx, trx.selectFrom('audit_events').selectAll());
    });
    expect(elsewhere.map((e) => e.at)).toEqual(inUtc.map((e) => e.at));
  });

  test.skipIf(skip)(
    'in seq order, whatever order the rows were chosen in; none is []',
    async () => {
      const { db } = database();
      const some = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(3);
      expect((await readEvents(db, some)).map((e) => e.seq)).toEqual([
        newEvents.length - 2,
        newEvents.length - 1,
        newEvents.length,
      ]);
      const none = db.selectFrom('audit_events').selectAll().where('seq', '<', 0);
      expect((await eventsJson(db, none)).text).toBe('[]');
    },
  );

  test.skipIf(skip)('a stored event outside the contract is an error, not a guess', async () => {
    const { db } = database();
    const undone = new Error('undone');
    const changing = db.transaction().execute(async (trx) => {
      await trx
        .updateTable('audit_events')
        .set({ action: 'item.vanished' })
        .where('seq', '=', 1)
        .execute();
      const one = trx.selectFrom('audit_events').selectAll().where('seq', '=', 1);
      const json = await eventsJson(trx, one);
      expect(() => parseEvents(json)).toThrow();
      throw undone;
    });
    await expect(changing).rejects.toBe(undone);
  });
});
