import { describe, expect, it, test } from 'vitest';
import { GENESIS_HASH } from '../audit-canonical';
import { chainEvents } from '../../server/audit/audit-chain';
import { generateData } from '../../server/demo/generator';
import { signInForTest } from '../../test/test-backend';
import { AuditEvent } from './audit';
import { CorrectionRequest, Decision } from './decision';
import { FlaggedItem, ItemPage } from './item';
import { QueueList } from './queue';
import { NotAvailable } from './report';

const generated = generateData({
  seed: 11,
  items: 400,
  now: new Date('2026-11-25T12:00:00Z'),
  leaseSeconds: 300,
});
const [sample] = generated.items;
if (!sample) throw new Error('generator produced no items');

test('schemas accept everything the generator produces', () => {
  for (const item of generated.items) expect(FlaggedItem.safeParse(item).error).toBeUndefined();
  for (const decision of [...generated.decisions.values()].flat())
    expect(Decision.safeParse(decision).success).toBe(true);
  for (const event of chainEvents({ seq: 0, hash: GENESIS_HASH }, generated.history))
    expect(AuditEvent.safeParse(event).success).toBe(true);
});

test('schemas accept the server’s queues and pages of items', async () => {
  const ana = await signInForTest('usr_ana');
  const queues: unknown = await (await ana.get('/api/queues')).json();
  expect(QueueList.safeParse(queues).error).toBeUndefined();
  const page: unknown = await (await ana.get('/api/queues/q-hash/items')).json();
  expect(ItemPage.safeParse(page).error).toBeUndefined();
});

const rejects = (mutate: (item: Record<string, unknown>) => void) => {
  const item: Record<string, unknown> = structuredClone(sample);
  mutate(item);
  return !FlaggedItem.safeParse(item).success;
};

test('an item without a supplier is rejected', () => {
  expect(rejects((i) => ((i.provenance as Record<string, unknown>).supplier = undefined))).toBe(
    true,
  );
});

test('an unknown status or priority is rejected', () => {
  expect(rejects((i) => (i.status = 'approved'))).toBe(true);
  expect(rejects((i) => (i.priority = 'p9'))).toBe(true);
});

test('a malformed hash is rejected', () => {
  expect(rejects((i) => ((i.media as Record<string, unknown>).sha256 = 'XYZ'))).toBe(true);
  expect(rejects((i) => ((i.media as Record<string, unknown>).md5 = 'abc'))).toBe(true);
});

test('a preview pointing anywhere but the console’s own preview path is rejected', () => {
  expect(
    rejects((i) => (i.preview = { mode: 'blurred', blurredUrl: 'https://evil.example/x.jpg' })),
  ).toBe(true);
  expect(rejects((i) => (i.preview = { mode: 'blurred', blurredUrl: 'javascript:alert(1)' }))).toBe(
    true,
  );
  expect(rejects((i) => (i.preview = { mode: 'revealed' }))).toBe(true);
});

test('an item with no signal is rejected', () => {
  expect(rejects((i) => (i.signals = []))).toBe(true);
});

test('a non-UTC or unparseable time is rejected', () => {
  expect(rejects((i) => (i.flaggedAt = '2026-11-25 12:00'))).toBe(true);
  expect(rejects((i) => (i.flaggedAt = '2026-11-25T12:00:00+02:00'))).toBe(true);
});

test('a PDQ distance outside 0–256 is rejected', () => {
  expect(
    rejects(
      (i) =>
        (i.signals = [
          {
            kind: 'hash_match',
            ruleId: 'r',
            ruleName: 'r',
            ruleVersion: '1',
            hashList: 'ncmec',
            algorithm: 'PDQ',
            distance: 300,
            maxDistance: 31,
          },
        ]),
    ),
  ).toBe(true);
});

describe('text a person writes', () => {
  it('is kept exactly as written, spaces and all; text that must say something is refused when blank', () => {
    const reason = ' \t=1+1: the supplier’s manifest has no such field ';
    expect(NotAvailable.parse({ field: 'web_page_url', reason }).reason).toBe(reason);
    expect(NotAvailable.safeParse({ field: 'web_page_url', reason: ' '.repeat(20) }).success).toBe(
      false,
    );
    expect(NotAvailable.safeParse({ field: 'web_page_url', reason: '  too short ' }).success).toBe(
      false,
    );
    const correction = {
      supersedes: 'dec_1',
      verdict: { kind: 'dismiss', reason: 'adult_content' },
      itemVersion: 2,
      idempotencyKey: 'key-00000001',
    };
    expect(CorrectionRequest.parse({ ...correction, rationale: ' why\n' }).rationale).toBe(
      ' why\n',
    );
    expect(CorrectionRequest.safeParse({ ...correction, rationale: ' \n ' }).success).toBe(false);
  });
});
