import { afterAll, beforeAll, expect, test } from 'vitest';
import { auditHashInput } from '../../api/audit-canonical';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import { sha256Hex } from '../../lib/sha256-hex';
import { auditHead, auditRange } from '../audit/audit-chain';
import { demoCall } from '../testing/demo-app';
import { openTestServer, type TestServer } from '../testing/test-server';

// The `tamper:audit` fault, set with /__mock/config: one stored event edited behind the chain's
// back, so the console's verification has a real failure to find.
let server: TestServer;
let configure: (knobs: unknown) => Promise<Response>;

beforeAll(async () => {
  server = await openTestServer();
  const call = demoCall(server);
  configure = (knobs) =>
    call('/__mock/config', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
      body: JSON.stringify(knobs),
    });
}, 120_000);
afterAll(() => server.close());

/** The seqs of the stored events whose hash no longer matches them, and the log's size. */
async function tampered() {
  const { db } = server.database;
  const { seq } = await auditHead(db);
  const events = await auditRange(db, 1, seq);
  const broken = events.filter(({ hash, ...rest }) => sha256Hex(auditHashInput(rest)) !== hash);
  return { size: seq, seqs: broken.map((e) => e.seq), details: broken.map((e) => e.detail) };
}

test('turning the fault on edits the middle event once; the log stays tampered until a reset', async () => {
  expect((await tampered()).seqs).toEqual([]);
  expect((await configure({ faults: ['tamper:audit'] })).status).toBe(200);
  const first = await tampered();
  expect(first.seqs).toEqual([Math.ceil(first.size / 2)]);
  expect(first.details[0]).toMatchObject({ tampered: true });

  // More events, other knobs: the fault stays on, and nothing more is edited.
  await server.signIn('usr_ana');
  await server.signIn('usr_ben');
  expect((await configure({ latency: 0 })).status).toBe(200);
  expect((await tampered()).seqs).toEqual(first.seqs);
  // Off mends nothing.
  expect((await configure({ faults: [] })).status).toBe(200);
  expect((await tampered()).seqs).toEqual(first.seqs);

  // A reset seeds a clean log.
  expect((await configure({ reset: true })).status).toBe(200);
  expect((await tampered()).seqs).toEqual([]);
}, 120_000);

test('a log seeded again while the fault is on is tampered with again', async () => {
  expect((await configure({ reset: true, faults: ['tamper:audit'] })).status).toBe(200);
  const reset = await tampered();
  expect(reset.seqs).toEqual([Math.ceil(reset.size / 2)]);
  expect((await configure({ auditEvents: reset.size + 500 })).status).toBe(200);
  const grown = await tampered();
  expect(grown.size).toBeGreaterThanOrEqual(reset.size + 500);
  expect(grown.seqs).toEqual([Math.ceil(grown.size / 2)]);
  expect((await configure({ reset: true })).status).toBe(200);
  expect((await tampered()).seqs).toEqual([]);
}, 120_000);
