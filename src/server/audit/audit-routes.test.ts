import { afterAll, beforeAll, expect, test } from 'vitest';
import { GENESIS_HASH, auditHashInput, canonicalJson } from '../../api/audit-canonical';
import { AuditEvent, AuditPage } from '../../api/schemas/audit';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { tamperAuditEvent } from '../demo/tamper-audit';
import { openTestServer, type TestServer } from '../testing/test-server';
import { auditHead, auditRange } from './audit-chain';

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer({ auditEvents: 2500 });
}, 120_000);
afterAll(() => server.close());

const read = async (query: string, userId = 'usr_alex') =>
  (await server.signIn(userId)).get(`/api/audit?${query}`);

test('auditors and supervisors read the log by position; analysts may not', async () => {
  const page = AuditPage.parse(await (await read('offset=10&limit=5')).json());
  expect(page.events.map((e) => e.seq)).toEqual([11, 12, 13, 14, 15]);
  const head = await auditHead(server.database.db);
  expect(page.total).toBe(head.seq);
  expect(page.head).toEqual(head);
  expect((await read('limit=1', 'usr_sasha')).status).toBe(200);
  expect((await read('limit=1', 'usr_ana')).status).toBe(403);
});

test('a page past the end is empty, however far past: any offset the contract allows', async () => {
  const head = await auditHead(server.database.db);
  for (const offset of [head.seq + 1000, 2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER])
    for (const filter of ['', '&action=item.decided']) {
      const response = await read(`offset=${offset}&limit=100${filter}`);
      expect(response.status, `${offset}${filter}`).toBe(200);
      const page = AuditPage.parse(await response.json());
      expect(page.events).toEqual([]);
      expect(page.offset).toBe(offset);
      expect(page.total).toBeGreaterThan(0);
    }
});

test('filters by action, subject and actor, with the seq range they cover', async () => {
  const page = AuditPage.parse(await (await read('action=item.decided&limit=1000')).json());
  expect(page.total).toBeGreaterThan(0);
  expect(page.events.every((e) => e.action === 'item.decided')).toBe(true);
  expect(page.seqRange).toEqual({
    first: page.events[0]?.seq,
    last: page.events.at(-1)?.seq,
  });
  const subject = page.events[0]?.subject.id ?? '';
  const bySubject = AuditPage.parse(await (await read(`subjectId=${subject}&limit=1000`)).json());
  expect(bySubject.events.every((e) => e.subject.id === subject)).toBe(true);
  const actor = page.events[0]?.actor.id ?? '';
  const byActor = AuditPage.parse(
    await (await read(`actorId=${actor}&role=analyst&limit=1000`)).json(),
  );
  expect(byActor.total).toBeGreaterThan(0);
  expect(byActor.events.every((e) => e.actor.id === actor && e.actor.role === 'analyst')).toBe(
    true,
  );
});

test('a filtered page is a window on the filtered log: total, offset and seq range as the whole', async () => {
  const all = AuditPage.parse(await (await read('action=item.viewed&limit=1000')).json());
  expect(all.total).toBeGreaterThan(1000);
  const second = AuditPage.parse(
    await (await read('action=item.viewed&offset=1000&limit=1000')).json(),
  );
  expect(second).toMatchObject({ total: all.total, offset: 1000, seqRange: all.seqRange });
  expect(second.events[0]?.seq).toBeGreaterThan(all.events.at(-1)?.seq ?? Infinity);
  const none = AuditPage.parse(await (await read('subjectId=itm_none')).json());
  expect(none).toMatchObject({ events: [], total: 0, seqRange: null });
});

test('a time range: an event at exactly `from` is in, one at exactly `to` is out', async () => {
  const [event] = await auditRange(server.database.db, 5, 1);
  if (!event) throw new Error('no event');
  const from = AuditPage.parse(
    await (await read(`from=${encodeURIComponent(event.at)}&limit=1000`)).json(),
  );
  expect(from.events.some((e) => e.seq === event.seq)).toBe(true);
  const to = AuditPage.parse(
    await (await read(`to=${encodeURIComponent(event.at)}&limit=1000`)).json(),
  );
  expect(to.events.some((e) => e.seq === event.seq)).toBe(false);
});

test('an export is on the record before it is read, and holds the log as it stood', async () => {
  const sasha = await server.signIn('usr_sasha');
  const page = AuditPage.parse(
    await (await sasha.get('/api/audit?action=item.decided&limit=1000')).json(),
  );
  const response = await sasha.get('/api/audit/export.csv?action=item.decided');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toMatch(
    /^attachment; filename="verity-audit-\d{4}-\d{2}-\d{2}T\d{6}\.csv"$/,
  );
  expect(response.headers.get('cache-control')).toBe('no-store');
  const [header, ...rows] = (await response.text()).trimEnd().split('\r\n');
  expect(header).toBe(
    'seq,at,actor_id,actor_name,actor_role,action,subject_type,subject_id,detail,prev_hash,hash,canonical',
  );
  expect(rows.map((row) => Number(row.split(',')[0]))).toEqual(page.events.map((e) => e.seq));
  // Recorded after the last event it exports (any bars its reading made come after it).
  const exported = AuditPage.parse(
    await (await sasha.get('/api/audit?action=audit.exported&actorId=usr_sasha')).json(),
  ).events.at(-1);
  expect(exported?.seq).toBeGreaterThan(page.events.at(-1)?.seq ?? Infinity);
  expect(exported).toMatchObject({
    action: 'audit.exported',
    actor: { id: 'usr_sasha' },
    subject: { type: 'audit', id: 'audit_log' },
    detail: {
      format: 'csv',
      events: page.total,
      filter: canonicalJson({ action: 'item.decided' }),
    },
  });
});

test('the JSON Lines export is the events themselves, verifiable offline', async () => {
  const alex = await server.signIn('usr_alex');
  const page = AuditPage.parse(await (await alex.get('/api/audit?limit=1000&offset=100')).json());
  const subject = page.events.find((e) => e.subject.type === 'item')?.subject.id ?? '';
  const bySubject = AuditPage.parse(
    await (await alex.get(`/api/audit?subjectId=${subject}`)).json(),
  );
  const response = await alex.get(`/api/audit/export.jsonl?subjectId=${subject}`);
  expect(response.headers.get('content-type')).toBe('application/x-ndjson');
  const lines = (await response.text()).trimEnd().split('\r\n');
  expect(lines.map((line) => AuditEvent.parse(JSON.parse(line)))).toEqual(bySubject.events);
  for (const event of bySubject.events) {
    const { hash, ...rest } = event;
    expect(sha256Hex(auditHashInput(rest))).toBe(hash);
  }
  expect((await (await server.signIn('usr_ana')).get('/api/audit/export.jsonl')).status).toBe(403);
});

test('the tamper fault changes one stored event, and verification names it', async () => {
  try {
    const alex = await server.signIn('usr_alex');
    const { seq: size } = await auditHead(server.database.db);
    await server.database.db
      .transaction()
      .execute((trx) => tamperAuditEvent(trx, Math.ceil(size / 2)));
    const page = AuditPage.parse(await (await alex.get(`/api/audit?limit=1000`)).json());
    const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
    let failure = verifier.push(page.events);
    for (let offset = 1000; !failure && offset < size; offset += 1000)
      failure = verifier.push(
        AuditPage.parse(await (await alex.get(`/api/audit?offset=${offset}&limit=1000`)).json())
          .events,
      );
    expect(failure).toMatchObject({ seq: Math.ceil(size / 2), reason: 'hash' });
  } finally {
    await server.reset();
  }
}, 120_000);
