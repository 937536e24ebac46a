import { expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { AuditPage } from '../../api/schemas/audit';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { signInForTest, testBackend } from '../../test/mock-server';

const base = 'http://verity.test';
const read = async (query: string, cookie: string) =>
  fetch(`${base}/api/audit?${query}`, { headers: { cookie } });

test('auditors and supervisors read the log by position; analysts may not', async () => {
  const alex = signInForTest('usr_alex');
  const page = AuditPage.parse(await (await read('offset=10&limit=5', alex.cookie)).json());
  expect(page.events.map((e) => e.seq)).toEqual([11, 12, 13, 14, 15]);
  expect(page.total).toBe(testBackend.state.audit.size);
  expect(page.head).toEqual(testBackend.state.audit.head);
  expect((await read('limit=1', signInForTest('usr_sasha').cookie)).status).toBe(200);
  expect((await read('limit=1', signInForTest('usr_ana').cookie)).status).toBe(403);
});

test('filters by action, subject and actor, with the seq range they cover', async () => {
  const alex = signInForTest('usr_alex');
  const page = AuditPage.parse(
    await (await read('action=item.decided&limit=1000', alex.cookie)).json(),
  );
  expect(page.total).toBeGreaterThan(0);
  expect(page.events.every((e) => e.action === 'item.decided')).toBe(true);
  expect(page.seqRange).toEqual({
    first: page.events[0]?.seq,
    last: page.events.at(-1)?.seq,
  });
  const subject = page.events[0]?.subject.id ?? '';
  const bySubject = AuditPage.parse(
    await (await read(`subjectId=${subject}&limit=1000`, alex.cookie)).json(),
  );
  expect(bySubject.events.every((e) => e.subject.id === subject)).toBe(true);
});

test('the tamper fault changes one stored event, and verification names it', async () => {
  const alex = signInForTest('usr_alex');
  testBackend.configure({ faults: ['tamper:audit'] });
  const size = testBackend.state.audit.size;
  const page = AuditPage.parse(await (await read(`limit=1000`, alex.cookie)).json());
  const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
  let failure = verifier.push(page.events);
  for (let offset = 1000; !failure && offset < size; offset += 1000)
    failure = verifier.push(
      AuditPage.parse(await (await read(`offset=${offset}&limit=1000`, alex.cookie)).json()).events,
    );
  testBackend.configure({ reset: true });
  expect(failure).toMatchObject({ seq: Math.ceil(size / 2), reason: 'hash' });
});

test('a time range: an event at exactly `from` is in, one at exactly `to` is out', async () => {
  const alex = signInForTest('usr_alex');
  const [event] = testBackend.state.audit.range(5, 1);
  if (!event) throw new Error('no event');
  const from = AuditPage.parse(
    await (await read(`from=${encodeURIComponent(event.at)}&limit=1000`, alex.cookie)).json(),
  );
  expect(from.events.some((e) => e.seq === event.seq)).toBe(true);
  const to = AuditPage.parse(
    await (await read(`to=${encodeURIComponent(event.at)}&limit=1000`, alex.cookie)).json(),
  );
  expect(to.events.some((e) => e.seq === event.seq)).toBe(false);
});
