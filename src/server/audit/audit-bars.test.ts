import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { AuditPage } from '../../api/schemas/audit';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { openTestServer, type TestServer } from '../testing/test-server';
import { auditHead, auditRange } from './audit-chain';

/**
 * Reading a first verdict in the audit log, on a page or in either export, takes a supervisor off
 * that item's blind second review in the reading transaction; auditors, who never review, never.
 */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterEach(() => server.reset());
afterAll(() => server.close());

/** Items awaiting a blind second review whose first verdict is in the log, decided by analysts. */
async function awaitingSecondReview(): Promise<string[]> {
  const rows = await server.database.db
    .selectFrom('items')
    .innerJoin('decisions', 'decisions.item_id', 'items.id')
    .innerJoin('audit_events', 'audit_events.subject_id', 'items.id')
    .innerJoin('users', 'users.id', 'decisions.actor_id')
    .select('items.id')
    .distinct()
    .where('items.status', '=', 'awaiting_second_review')
    .where('decisions.stage', '=', 'first')
    .where('users.role', '=', 'analyst')
    .where('audit_events.action', '=', 'item.decided')
    .orderBy('items.id')
    .execute();
  if (rows.length < 2) throw new Error('the seed has too few items awaiting a second review');
  return rows.map((row) => row.id);
}

const readersOf = async (itemId: string) =>
  (
    await server.database.db
      .selectFrom('verdict_readers')
      .select('user_id')
      .where('item_id', '=', itemId)
      .execute()
  ).map((row) => row.user_id);

test('reading the first verdict on a page takes the supervisor off that second review, on the record', async () => {
  const [item = ''] = await awaitingSecondReview();
  const alex = await server.signIn('usr_alex');
  const alexPage = AuditPage.parse(await (await alex.get(`/api/audit?subjectId=${item}`)).json());
  expect(alexPage.secondReviewsBarred).toEqual([]);

  const sasha = await server.signIn('usr_sasha');
  const page = AuditPage.parse(await (await sasha.get(`/api/audit?subjectId=${item}`)).json());
  const decided = page.events.find((e) => e.action === 'item.decided');
  expect(decided).toBeDefined(); // the log is whole
  expect(page.secondReviewsBarred).toEqual([item]);
  expect(await readersOf(item)).toEqual(['usr_sasha']);

  const trail = AuditPage.parse(await (await alex.get(`/api/audit?subjectId=${item}`)).json());
  expect(trail.events.at(-1)).toMatchObject({
    action: 'item.second_review_barred',
    actor: { id: 'usr_sasha' },
    detail: { reason: 'read_first_verdict', auditSeq: decided?.seq, released: false },
  });
  // Read again, it bars nothing more.
  const again = AuditPage.parse(await (await sasha.get(`/api/audit?subjectId=${item}`)).json());
  expect(again.secondReviewsBarred).toEqual([]);

  const { seq } = await auditHead(server.database.db);
  const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
  expect(verifier.push(await auditRange(server.database.db, 1, seq))).toBeNull();
});

test('either audit export bars as reading a page does; auditors, who never review, are never barred', async () => {
  const [item = '', other = ''] = await awaitingSecondReview();
  const alex = await server.signIn('usr_alex');
  expect(await (await alex.get(`/api/audit/export.csv?subjectId=${item}`)).text()).toContain(
    'item.decided',
  );
  expect(await readersOf(item)).toEqual([]);

  const sasha = await server.signIn('usr_sasha');
  const csv = await sasha.get(`/api/audit/export.csv?subjectId=${item}`);
  expect(await csv.text()).toContain('item.decided');
  expect(await readersOf(item)).toEqual(['usr_sasha']);

  const mira = await server.signIn('usr_mira');
  const jsonl = await mira.get(`/api/audit/export.jsonl?subjectId=${other}`);
  expect(await jsonl.text()).toContain('item.decided');
  expect(await readersOf(other)).toEqual(['usr_mira']);

  // The export is on the record first, then what reading it barred.
  const { seq } = await auditHead(server.database.db);
  expect(await auditRange(server.database.db, seq - 1, 2)).toMatchObject([
    { action: 'audit.exported', actor: { id: 'usr_mira' }, detail: { format: 'jsonl' } },
    { action: 'item.second_review_barred', actor: { id: 'usr_mira' }, subject: { id: other } },
  ]);

  // Analysts cannot read the audit log at all.
  expect((await (await server.signIn('usr_ben')).get(`/api/audit?subjectId=${item}`)).status).toBe(
    403,
  );
});
